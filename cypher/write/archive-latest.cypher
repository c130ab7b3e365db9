// The latest version of each aspect becomes history, at the version numbered by its revision.
// Parameters: $keys: [{urn, aspect}]. Returns: nothing.
UNWIND $keys AS k
MATCH (:Entity {urn: k.urn})-[:HAS_ASPECT]->(a:Aspect {_name: k.aspect, _version: 0})
SET a._version = a._revision
