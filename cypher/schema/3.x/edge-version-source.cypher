// The edge history (EdgeVersion nodes) is found by the source of its edges.
// Parameters: none. Returns: nothing. Neo4j 3.x syntax.
CREATE INDEX ON :EdgeVersion(source)
