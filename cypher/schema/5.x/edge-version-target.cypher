// The edge history (EdgeVersion nodes) is found by the target of its edges.
// Parameters: none. Returns: nothing. Neo4j 4.4/5.x syntax.
CREATE INDEX edge_version_target IF NOT EXISTS FOR (h:EdgeVersion) ON (h.target)
