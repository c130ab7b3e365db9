// What a lineage answer says of each node it returns: soft-deleted or not, ingested or only referenced, its latest
// deprecation and, when $withOwners (impact), its latest ownership, as stored JSON (the store reads the flag and the
// owner urns out of them). One statement, so an answer reads its nodes once.
// The answer's steps have already named most nodes' ids ($ids), found by id; only the others ($unknown) are sought
// through the urn index, whose seeks on Neo4j 3.1 cost more than the rest of this statement.
// Parameters: $ids: [node id], $unknown: [urn], $withOwners. Returns per node found: urn, removed, exists,
// deprecation json, ownership json, node id.
UNWIND $unknown AS u
MATCH (n:Entity {urn: u})
WITH collect(id(n)) AS found
UNWIND $ids + found AS i
MATCH (e:Entity) WHERE id(e) = i
OPTIONAL MATCH (e)-[:HAS_ASPECT]->(d:Aspect {_name: 'deprecation', _version: 0})
OPTIONAL MATCH (e)-[:HAS_ASPECT]->(o:Aspect {_name: 'ownership', _version: 0})
WHERE $withOwners
RETURN e.urn AS urn, coalesce(e.removed, false) AS removed, e.createdAt IS NOT NULL AS exists,
       d._json AS deprecation, o._json AS ownership, id(e) AS id
