// Hard delete: removes the entities' aspects (every version, every timeseries value) and their outgoing edges. The entity node stays as
// a bare node, like any urn that is only referenced, so edges from other entities keep pointing at it.
// Parameters: $urns: [urn]. Returns: nothing.
UNWIND $urns AS u
MATCH (e:Entity {urn: u})
OPTIONAL MATCH (e)-[:HAS_ASPECT|HAS_TIMESERIES]->(a)
DETACH DELETE a
WITH DISTINCT e
OPTIONAL MATCH (e)-[r]->(:Entity)
DELETE r
WITH DISTINCT e
SET e.removed = false
REMOVE e.createdAt
