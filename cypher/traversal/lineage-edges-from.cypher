// The lineage edges leaving a set of nodes, and with $columnsOf (the set, at entity granularity; else empty) leaving
// their columns too; the walk keeps those whose far end is in the set. A column edge brings its mapping.
// Parameters: $urns: [urn], $columnsOf: [urn], $types: [name] (empty = all).
// Returns per edge: source, target, type, lineage role, via, transformOperation, confidenceScore.
UNWIND $urns AS u
MATCH (s:Entity {urn: u})-[r]->(t:Entity)
WHERE r.lineage IN [1, 2] AND (size($types) = 0 OR type(r) IN $types)
RETURN s.urn AS source, t.urn AS target, type(r) AS type, r.lineage AS lineage,
       r.via AS via, r.transformOperation AS transformOperation, r.confidenceScore AS confidenceScore
UNION
UNWIND $columnsOf AS u
MATCH (s:Entity)-[r]->(t:Entity)
WHERE s.urn STARTS WITH ('urn:li:schemaField:(' + u + ',')
  AND r.lineage IN [1, 2] AND (size($types) = 0 OR type(r) IN $types)
RETURN s.urn AS source, t.urn AS target, type(r) AS type, r.lineage AS lineage,
       r.via AS via, r.transformOperation AS transformOperation, r.confidenceScore AS confidenceScore
