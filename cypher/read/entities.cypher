// Several entities with the latest version of each of their aspects, in one round trip (the search feeder's read).
// Parameters: $urns: [urn]. Returns per known urn: urn, entityType, removed, aspects ([name, version, revision, json,
// systemMetadata, createdAt, createdBy] per aspect).
UNWIND $urns AS u
MATCH (e:Entity {urn: u})
OPTIONAL MATCH (e)-[:HAS_ASPECT]->(a:Aspect)
WHERE a._version = 0
RETURN u AS urn, e.entityType AS entityType, coalesce(e.removed, false) AS removed,
       collect(CASE WHEN a IS NULL THEN null
               ELSE [a._name, a._version, a._revision, a._json, a._systemMetadata, a._createdAt, a._createdBy] END) AS aspects
