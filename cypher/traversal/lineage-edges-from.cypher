// The lineage edges leaving a set of nodes (the caller keeps those whose target is in the set too).
// Parameters: $urns: [urn], $types: [name] (empty = all). Returns per edge: source, target, type, lineage role.
UNWIND $urns AS u
MATCH (s:Entity {urn: u})-[r]->(t:Entity)
WHERE r.lineage IN [1, 2] AND (size($types) = 0 OR type(r) IN $types)
RETURN DISTINCT s.urn AS source, t.urn AS target, type(r) AS type, r.lineage AS lineage
