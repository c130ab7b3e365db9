// The lineage edges between two nodes of a lineage answer, filtered here rather than by the service: those leaving a
// node of $urns for another, and with $columnsOf (the set, at entity granularity; else empty) those leaving one of
// their columns (the urns starting with urn:li:schemaField:(<urn>,) for one of the nodes or for a column of one.
// A column names its dataset inside its urn: urn:li:schemaField:(<dataset>,<fieldPath>). Cypher has no way to
// match parentheses, so the dataset is read as the text up to the first ')' when a '(' comes before the first
// comma (urn:li:dataset:(urn:li:dataPlatform:p,name,ENV), urn:li:mlFeature:(table,name)), else up to the first
// comma. A dataset with parentheses inside its own (more than one '(' before the first ')') is let through, and
// the store, which parses urns, decides. A column edge brings its mapping.
// Parameters: $urns: [urn], $columnsOf: [urn], $types: [name] (empty = all).
// Returns per edge: source, target, type, lineage role, via, transformOperation, confidenceScore.
UNWIND $urns AS u
MATCH (s:Entity {urn: u})-[r]->(t:Entity)
WHERE r.lineage IN [1, 2] AND (size($types) = 0 OR type(r) IN $types)
WITH s, r, t, substring(t.urn, 20) AS rest
WITH s, r, t, rest, split(rest, ')')[0] AS head
WHERE t.urn IN $urns
   OR (size($columnsOf) > 0 AND t.urn STARTS WITH 'urn:li:schemaField:('
       AND CASE WHEN split(head, ',')[0] CONTAINS '(' THEN (size(split(head, '(')) > 2 OR (head + ')') IN $urns)
                ELSE split(rest, ',')[0] IN $urns END)
RETURN s.urn AS source, t.urn AS target, type(r) AS type, r.lineage AS lineage,
       r.via AS via, r.transformOperation AS transformOperation, r.confidenceScore AS confidenceScore
UNION
UNWIND $columnsOf AS u
MATCH (s:Entity)-[r]->(t:Entity)
WHERE s.urn STARTS WITH ('urn:li:schemaField:(' + u + ',')
  AND r.lineage IN [1, 2] AND (size($types) = 0 OR type(r) IN $types)
WITH s, r, t, substring(t.urn, 20) AS rest
WITH s, r, t, rest, split(rest, ')')[0] AS head
WHERE t.urn IN $urns
   OR (t.urn STARTS WITH 'urn:li:schemaField:('
       AND CASE WHEN split(head, ',')[0] CONTAINS '(' THEN (size(split(head, '(')) > 2 OR (head + ')') IN $urns)
                ELSE split(rest, ',')[0] IN $urns END)
RETURN s.urn AS source, t.urn AS target, type(r) AS type, r.lineage AS lineage,
       r.via AS via, r.transformOperation AS transformOperation, r.confidenceScore AS confidenceScore
