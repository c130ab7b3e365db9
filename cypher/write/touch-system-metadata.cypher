// An unchanged write still records when it was last seen: the version keeps its value and takes the new system metadata.
// Parameters: $touches: [{urn, aspect, revision, systemMetadata}]. Returns: nothing.
UNWIND $touches AS t
MATCH (:Entity {urn: t.urn})-[:HAS_ASPECT]->(a:Aspect {_name: t.aspect, _revision: t.revision})
SET a._systemMetadata = t.systemMetadata
