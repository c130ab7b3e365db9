// One change-feed node, whose lock serialises writers and whose counter numbers changes.
// Parameters: none. Returns: nothing. Neo4j 3.x syntax.
CREATE CONSTRAINT ON (f:ChangeFeed) ASSERT f.id IS UNIQUE
