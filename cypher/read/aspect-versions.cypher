// Every kept version of an aspect: the latest first, then history from newest to oldest.
// Parameters: $urn, $aspect. Returns per version: [name, version, revision, json, systemMetadata, createdAt, createdBy].
MATCH (:Entity {urn: $urn})-[:HAS_ASPECT]->(a:Aspect {_name: $aspect})
RETURN [a._name, a._version, a._revision, a._json, a._systemMetadata, a._createdAt, a._createdBy] AS aspect
ORDER BY CASE WHEN a._version = 0 THEN 0 ELSE 1 END, a._version DESC
