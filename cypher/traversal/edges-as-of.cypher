// The lineage edges current at some moment from $from to $to (Unix ms; one moment when they are equal) with an end
// among $urns or, with $columnsOf (the urns at entity granularity, else empty), among their columns: the urns
// starting with urn:li:schemaField:(<urn>, which the indexes seek as a range. Two places hold them: the history of
// edges that have ended (EdgeVersion nodes: begun by $to, ended after $from), and the current native edges, each with
// the time it was stated (since; stated by $to). A lineage answer as of a moment walks these, one level or one set of
// nodes at a time.
// UNION, not UNION ALL: an edge between two of the urns is found from both ends.
// Parameters: $urns: [urn], $columnsOf: [urn], $from, $to. Returns per edge: source, target, type, lineage role, via,
// transformOperation, confidenceScore.
UNWIND $urns AS u
MATCH (h:EdgeVersion {source: u})
WHERE h.since <= $to AND (h.until IS NULL OR h.until > $from)
RETURN h.source AS source, h.target AS target, h.type AS type, h.lineage AS lineage,
       h.via AS via, h.transformOperation AS transformOperation, h.confidenceScore AS confidenceScore
UNION
UNWIND $urns AS u
MATCH (h:EdgeVersion {target: u})
WHERE h.since <= $to AND (h.until IS NULL OR h.until > $from)
RETURN h.source AS source, h.target AS target, h.type AS type, h.lineage AS lineage,
       h.via AS via, h.transformOperation AS transformOperation, h.confidenceScore AS confidenceScore
UNION
UNWIND $columnsOf AS u
MATCH (h:EdgeVersion)
WHERE h.source STARTS WITH ('urn:li:schemaField:(' + u + ',') AND h.since <= $to AND (h.until IS NULL OR h.until > $from)
RETURN h.source AS source, h.target AS target, h.type AS type, h.lineage AS lineage,
       h.via AS via, h.transformOperation AS transformOperation, h.confidenceScore AS confidenceScore
UNION
UNWIND $columnsOf AS u
MATCH (h:EdgeVersion)
WHERE h.target STARTS WITH ('urn:li:schemaField:(' + u + ',') AND h.since <= $to AND (h.until IS NULL OR h.until > $from)
RETURN h.source AS source, h.target AS target, h.type AS type, h.lineage AS lineage,
       h.via AS via, h.transformOperation AS transformOperation, h.confidenceScore AS confidenceScore
UNION
UNWIND $urns AS u
MATCH (s:Entity {urn: u})-[r]->(t:Entity)
WHERE r.lineage IN [1, 2] AND coalesce(r.since, 0) <= $to
RETURN s.urn AS source, t.urn AS target, type(r) AS type, r.lineage AS lineage,
       r.via AS via, r.transformOperation AS transformOperation, r.confidenceScore AS confidenceScore
UNION
UNWIND $urns AS u
MATCH (s:Entity)-[r]->(t:Entity {urn: u})
WHERE r.lineage IN [1, 2] AND coalesce(r.since, 0) <= $to
RETURN s.urn AS source, t.urn AS target, type(r) AS type, r.lineage AS lineage,
       r.via AS via, r.transformOperation AS transformOperation, r.confidenceScore AS confidenceScore
UNION
UNWIND $columnsOf AS u
MATCH (c:Entity)
WHERE c.urn STARTS WITH ('urn:li:schemaField:(' + u + ',')
MATCH (c)-[r]-(:Entity)
WHERE r.lineage IN [1, 2] AND coalesce(r.since, 0) <= $to
WITH r, startNode(r) AS s, endNode(r) AS t
RETURN s.urn AS source, t.urn AS target, type(r) AS type, r.lineage AS lineage,
       r.via AS via, r.transformOperation AS transformOperation, r.confidenceScore AS confidenceScore
