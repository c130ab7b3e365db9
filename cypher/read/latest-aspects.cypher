// The latest value of one aspect for many entities at once (owners and deprecation of a lineage answer).
// Parameters: $urns: [urn], $aspect. Returns per urn that has it: [name, version, revision, json, systemMetadata, createdAt, createdBy].
UNWIND $urns AS u
MATCH (:Entity {urn: u})-[:HAS_ASPECT]->(a:Aspect {_name: $aspect, _version: 0})
RETURN u AS urn, [a._name, a._version, a._revision, a._json, a._systemMetadata, a._createdAt, a._createdBy] AS aspect
