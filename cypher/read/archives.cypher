// Everything kept about several entities (the export's read): every version of every aspect and every timeseries value.
// Parameters: $urns: [urn]. Returns per known urn: urn, entityType,
// aspects ([name, version, revision, json, systemMetadata, createdAt, createdBy, deletedAt] per version),
// timeseries ([name, timestampMillis, json, systemMetadata, createdAt, partition, createdBy] per value).
UNWIND $urns AS u
MATCH (e:Entity {urn: u})
OPTIONAL MATCH (e)-[:HAS_ASPECT]->(a:Aspect)
WITH u, e, collect(CASE WHEN a IS NULL THEN null
                   ELSE [a._name, a._version, a._revision, a._json, a._systemMetadata, a._createdAt, a._createdBy, a._deletedAt] END) AS aspects
OPTIONAL MATCH (e)-[:HAS_TIMESERIES]->(t:TimeseriesValue)
RETURN u AS urn, e.entityType AS entityType, aspects,
       collect(CASE WHEN t IS NULL THEN null
               ELSE [t._name, t._timestampMillis, t._json, t._systemMetadata, t._createdAt, t._partition, t._createdBy] END) AS timeseries
