// What a lineage answer says of each node it returns: soft-deleted or not, ingested or only referenced, its latest
// deprecation and, when $withOwners (impact), its latest ownership, as stored JSON (the store reads the flag and the
// owner urns out of them). One statement, so an answer reads its nodes once.
// Parameters: $urns: [urn], $withOwners. Returns per known urn: urn, removed, exists, deprecation json, ownership json.
UNWIND $urns AS u
MATCH (e:Entity {urn: u})
OPTIONAL MATCH (e)-[:HAS_ASPECT]->(d:Aspect {_name: 'deprecation', _version: 0})
OPTIONAL MATCH (e)-[:HAS_ASPECT]->(o:Aspect {_name: 'ownership', _version: 0})
WHERE $withOwners
RETURN u AS urn, coalesce(e.removed, false) AS removed, e.createdAt IS NOT NULL AS exists,
       d._json AS deprecation, o._json AS ownership
