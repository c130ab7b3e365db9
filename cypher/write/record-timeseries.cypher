// Keeps timeseries values as nodes linked from their entity, one per (aspect, timestampMillis, partition): a value
// at the same time and partition replaces the node's properties. Bookkeeping is in _-prefixed properties (the value
// exactly as received is _json), the aspect's fields are plain properties for Cypher users.
// Parameters: $points: [{urn, aspect, timestampMillis, partition, properties: map of the node's properties}].
// Returns: nothing.
UNWIND $points AS p
MATCH (e:Entity {urn: p.urn})
MERGE (e)-[:HAS_TIMESERIES]->(t:TimeseriesValue {_urn: p.urn, _name: p.aspect, _timestampMillis: p.timestampMillis, _partition: p.partition})
SET t = p.properties
