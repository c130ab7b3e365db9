// The lineage edges between two nodes of a lineage answer, filtered here rather than by the service: those leaving a
// node of $urns for another, and with $columnsOf (the set, at entity granularity; else empty) those leaving one of
// their columns (the urns starting with urn:li:schemaField:(<urn>,) for one of the nodes or for a column of one.
// A column names its dataset inside its urn: urn:li:schemaField:(<dataset>,<fieldPath>). Cypher has no way to
// match parentheses, so the dataset is read as the text up to the first ')' when a '(' comes before the first
// comma (urn:li:dataset:(urn:li:dataPlatform:p,name,ENV), urn:li:mlFeature:(table,name)), else up to the first
// comma. A dataset with parentheses inside its own (more than one '(' before the first ')') is let through, and
// the store, which parses urns, decides. A column edge brings its mapping.
// Each arm is one filter over the expanded relationships, with no WITH between: on Neo4j 3.1 every operator costs
// per row, so a projection per row of the urn's parts cost more than the expansion. The far end's urn is parsed only
// when it is a column not itself in $urns. Only the relationship types that carry lineage are expanded, not a node's
// aspects, tags and owners (a test checks the list against the registry); r.lineage still decides.
// UNION ALL, as the embedded store's query: each relationship once per arm that finds it (a column that is itself a
// node of the set, as a column root is, is found by both), which the walk rolls up into one edge anyway.
// The nodes are found by the ids the answer has already read ($ids), and through the urn index only when it has not
// ($unknown: its seeks on Neo4j 3.1 cost as much as expanding the node).
// Testing a urn against $urns scans the list (Neo4j 3.1 has no set): with thousands of nodes that is quadratic (a
// 9,567-node answer took 9.9 s at M), so past a few thousand the store sends $filtered false and $urns empty, takes
// every lineage edge leaving the nodes and keeps those among them itself.
// Parameters: $urns: [urn], $filtered, $ids: [node id], $unknown: [urn], $columnsOf: [urn], $types: [name] (empty = all).
// Returns per edge: source, target, type, lineage role, via, transformOperation, confidenceScore.
UNWIND $unknown AS u
MATCH (n:Entity {urn: u})
WITH collect(id(n)) AS found
UNWIND $ids + found AS i
MATCH (s:Entity)-[r:Consumes|Contains|DataProcessInstanceConsumes|DataProcessInstanceProduces|DeployedTo|DerivedFrom|DownstreamOf|EvaluatedOn|KeyedBy|MemberOf|Produces|TrainedBy|TrainedOn|UsedBy]->(t:Entity)
WHERE id(s) = i AND r.lineage IN [1, 2] AND (size($types) = 0 OR type(r) IN $types)
  AND (NOT $filtered OR t.urn IN $urns
       OR (size($columnsOf) > 0 AND t.urn STARTS WITH 'urn:li:schemaField:('
           AND CASE WHEN split(split(substring(t.urn, 20), ')')[0], ',')[0] CONTAINS '('
                    THEN size(split(split(substring(t.urn, 20), ')')[0], '(')) > 2
                         OR (split(substring(t.urn, 20), ')')[0] + ')') IN $urns
                    ELSE split(substring(t.urn, 20), ',')[0] IN $urns END))
RETURN s.urn AS source, t.urn AS target, type(r) AS type, r.lineage AS lineage,
       r.via AS via, r.transformOperation AS transformOperation, r.confidenceScore AS confidenceScore
UNION ALL
UNWIND $columnsOf AS u
MATCH (s:Entity)-[r:Consumes|Contains|DataProcessInstanceConsumes|DataProcessInstanceProduces|DeployedTo|DerivedFrom|DownstreamOf|EvaluatedOn|KeyedBy|MemberOf|Produces|TrainedBy|TrainedOn|UsedBy]->(t:Entity)
WHERE s.urn STARTS WITH ('urn:li:schemaField:(' + u + ',')
  AND r.lineage IN [1, 2] AND (size($types) = 0 OR type(r) IN $types)
  AND (NOT $filtered OR t.urn IN $urns
       OR (t.urn STARTS WITH 'urn:li:schemaField:('
           AND CASE WHEN split(split(substring(t.urn, 20), ')')[0], ',')[0] CONTAINS '('
                    THEN size(split(split(substring(t.urn, 20), ')')[0], '(')) > 2
                         OR (split(substring(t.urn, 20), ')')[0] + ')') IN $urns
                    ELSE split(substring(t.urn, 20), ',')[0] IN $urns END))
RETURN s.urn AS source, t.urn AS target, type(r) AS type, r.lineage AS lineage,
       r.via AS via, r.transformOperation AS transformOperation, r.confidenceScore AS confidenceScore
