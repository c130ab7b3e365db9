// The edge history (EdgeVersion nodes) is found by the owner of its edges.
// Parameters: none. Returns: nothing. Neo4j 3.x syntax.
CREATE INDEX ON :EdgeVersion(owner)
