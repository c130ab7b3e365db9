// Column edges: a downstream column DownstreamOf an upstream column (or dataset), which the dataset or job whose
// fine-grained lineage states it owns (owner), with how the column was made (via, transformOperation,
// confidenceScore; a null one is simply not set). Either end may be a column nothing else has named yet, so both are
// merged. CREATE, as in create-edges: write/delete-column-edges has just removed every edge of these owners' aspects.
// since: as in write/create-edges.
// Parameters: $edges: [{source, sourceType, target, targetType, aspect, lineage, since, owner, via, transformOperation,
// confidenceScore}]. Returns: nothing.
UNWIND $edges AS edge
MERGE (s:Entity {urn: edge.source})
ON CREATE SET s.entityType = edge.sourceType, s.removed = false
MERGE (t:Entity {urn: edge.target})
ON CREATE SET t.entityType = edge.targetType, t.removed = false
CREATE (s)-[:DownstreamOf {aspect: edge.aspect, lineage: edge.lineage, since: edge.since, owner: edge.owner, via: edge.via,
  transformOperation: edge.transformOperation, confidenceScore: edge.confidenceScore}]->(t)
