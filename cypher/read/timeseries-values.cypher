// The values of one timeseries aspect of one entity with timestampMillis in [$start, $end] (null = open), newest first.
// Parameters: $urn, $aspect, $start, $end, $limit. Returns per value: [timestampMillis, json, systemMetadata, createdAt, createdBy].
MATCH (:Entity {urn: $urn})-[:HAS_TIMESERIES]->(t:TimeseriesValue {_name: $aspect})
WHERE ($start IS NULL OR t._timestampMillis >= $start) AND ($end IS NULL OR t._timestampMillis <= $end)
RETURN [t._timestampMillis, t._json, t._systemMetadata, t._createdAt, t._createdBy] AS value
ORDER BY t._timestampMillis DESC, t._partition
LIMIT $limit
