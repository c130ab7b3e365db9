// The edge history (EdgeVersion nodes) is found by the target of its edges.
// Parameters: none. Returns: nothing. Neo4j 3.x syntax.
CREATE INDEX ON :EdgeVersion(target)
