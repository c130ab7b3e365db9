// A timeseries aspect keeps no history: its superseded latest is removed (its value is kept as a timeseries value).
// Parameters: $keys: [{urn, aspect}]. Returns: nothing.
UNWIND $keys AS k
MATCH (:Entity {urn: k.urn})-[:HAS_ASPECT]->(a:Aspect {_name: k.aspect, _version: 0})
DETACH DELETE a
