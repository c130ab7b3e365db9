// Stores aspect versions as nodes linked from their entity: bookkeeping in _-prefixed properties (the value
// exactly as received is _json), and the aspect's fields as plain properties for Cypher users.
// Parameters: $versions: [{urn, aspect, version, revision, json, hash, systemMetadata, createdAt, createdBy,
// fields: map of scalars and arrays of scalars}]. Returns: nothing.
UNWIND $versions AS v
MATCH (e:Entity {urn: v.urn})
CREATE (e)-[:HAS_ASPECT]->(a:Aspect {_urn: v.urn, _name: v.aspect, _version: v.version, _revision: v.revision,
                                     _json: v.json, _hash: v.hash, _createdAt: v.createdAt, _createdBy: v.createdBy})
SET a += v.fields
SET a._systemMetadata = v.systemMetadata
