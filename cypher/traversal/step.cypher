// One level of a lineage walk: the lineage edges leading one hop from the frontier in the walk's direction. An edge
// whose lineage role is $forward is followed from its source to its target, one whose role is $backward from its
// target to its source (1 = the target is upstream, 2 = the target is downstream). Soft-deleted far ends are left out
// unless $includeRemoved. $columnsOf (the frontier at entity granularity, else empty) adds the edges of their columns:
// the urns starting with urn:li:schemaField:(<urn>, which the urn uniqueness index seeks as a range, once for both
// directions: on Neo4j 3.1 a range seek costs more than expanding the column.
// Parameters: $frontier: [urn], $columnsOf: [urn], $forward, $backward, $types: [name] (empty = all), $includeRemoved.
// Returns per edge: source, target, type, lineage role (the walk picks parents and rolls columns up), and the ends'
// node ids, by which the answer's later reads find the nodes again without the urn index.
UNWIND $frontier AS u
MATCH (s:Entity {urn: u})-[r]->(t:Entity)
WHERE r.lineage = $forward
  AND (size($types) = 0 OR type(r) IN $types)
  AND ($includeRemoved OR NOT coalesce(t.removed, false))
RETURN s.urn AS source, t.urn AS target, type(r) AS type, r.lineage AS lineage, id(s) AS sourceId, id(t) AS targetId
UNION
UNWIND $frontier AS u
MATCH (s:Entity)-[r]->(t:Entity {urn: u})
WHERE r.lineage = $backward
  AND (size($types) = 0 OR type(r) IN $types)
  AND ($includeRemoved OR NOT coalesce(s.removed, false))
RETURN s.urn AS source, t.urn AS target, type(r) AS type, r.lineage AS lineage, id(s) AS sourceId, id(t) AS targetId
UNION
UNWIND $columnsOf AS u
MATCH (c:Entity)
WHERE c.urn STARTS WITH ('urn:li:schemaField:(' + u + ',')
MATCH (c)-[r]-(o:Entity)
WHERE (size($types) = 0 OR type(r) IN $types)
  AND ((startNode(r) = c AND r.lineage = $forward) OR (endNode(r) = c AND r.lineage = $backward))
  AND ($includeRemoved OR NOT coalesce(o.removed, false))
WITH r, startNode(r) AS s, endNode(r) AS t
RETURN s.urn AS source, t.urn AS target, type(r) AS type, r.lineage AS lineage, id(s) AS sourceId, id(t) AS targetId
