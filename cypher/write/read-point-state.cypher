// The timeseries values already kept where a batch puts its values, so that one written again as it is changes nothing.
// Parameters: $points: [{urn, aspect, timestampMillis, partition}]. Returns per kept value: urn, aspect,
// timestampMillis, partition, json, systemMetadata.
UNWIND $points AS p
MATCH (:Entity {urn: p.urn})-[:HAS_TIMESERIES]->(t:TimeseriesValue {_name: p.aspect, _timestampMillis: p.timestampMillis, _partition: p.partition})
RETURN p.urn AS urn, p.aspect AS aspect, p.timestampMillis AS timestampMillis, p.partition AS partition,
       t._json AS json, t._systemMetadata AS systemMetadata
