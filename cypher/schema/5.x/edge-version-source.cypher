// The edge history (EdgeVersion nodes) is found by the source of its edges.
// Parameters: none. Returns: nothing. Neo4j 4.4/5.x syntax.
CREATE INDEX edge_version_source IF NOT EXISTS FOR (h:EdgeVersion) ON (h.source)
