// An entity with the latest version of each of its aspects.
// Parameters: $urn. Returns: entityType, removed, aspects ([name, version, revision, json, systemMetadata,
// createdAt, createdBy] per aspect); no row when there is no such node.
MATCH (e:Entity {urn: $urn})
OPTIONAL MATCH (e)-[:HAS_ASPECT]->(a:Aspect)
WHERE a._version = 0
RETURN e.entityType AS entityType, coalesce(e.removed, false) AS removed,
       collect(CASE WHEN a IS NULL THEN null
               ELSE [a._name, a._version, a._revision, a._json, a._systemMetadata, a._createdAt, a._createdBy] END) AS aspects
