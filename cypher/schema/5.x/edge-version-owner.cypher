// The edge history (EdgeVersion nodes) is found by the owner of its edges.
// Parameters: none. Returns: nothing. Neo4j 4.4/5.x syntax.
CREATE INDEX edge_version_owner IF NOT EXISTS FOR (h:EdgeVersion) ON (h.owner)
