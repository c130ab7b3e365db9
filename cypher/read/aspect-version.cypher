// One version of one aspect (0 = latest).
// Parameters: $urn, $aspect, $version. Returns: [name, version, revision, json, systemMetadata, createdAt, createdBy].
MATCH (:Entity {urn: $urn})-[:HAS_ASPECT]->(a:Aspect {_name: $aspect, _version: $version})
RETURN [a._name, a._version, a._revision, a._json, a._systemMetadata, a._createdAt, a._createdBy] AS aspect
