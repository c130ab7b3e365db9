// One breadth-first step of a lineage walk: the lineage neighbours of the frontier, in the walk's direction.
// An edge whose lineage role is $forward is followed from its source to its target, one whose role is $backward
// from its target to its source (1 = the target is upstream, 2 = the target is downstream). Soft-deleted
// neighbours are left out unless $includeRemoved.
// Parameters: $frontier: [urn], $forward, $backward, $types: [name] (empty = all), $includeRemoved.
// Returns: urn, each neighbour once (parents are chosen afterwards from the edges among the nodes kept).
UNWIND $frontier AS u
MATCH (:Entity {urn: u})-[r]->(m:Entity)
WHERE r.lineage = $forward
  AND (size($types) = 0 OR type(r) IN $types)
  AND ($includeRemoved OR NOT coalesce(m.removed, false))
RETURN m.urn AS urn
UNION
UNWIND $frontier AS u
MATCH (:Entity {urn: u})<-[r]-(m:Entity)
WHERE r.lineage = $backward
  AND (size($types) = 0 OR type(r) IN $types)
  AND ($includeRemoved OR NOT coalesce(m.removed, false))
RETURN m.urn AS urn
