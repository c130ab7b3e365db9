// The lineage edges current at some moment from $from to $to (Unix ms: begun by $to, not ended by $from; one moment
// when they are equal) with an end among $urns or, with
// $columnsOf (the urns at entity granularity, else empty), among their columns: the urns starting with
// urn:li:schemaField:(<urn>, which the index seeks as a range. A lineage answer as of a moment walks these, one level
// or one set of nodes at a time, instead of the native edges, which hold only the present.
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
