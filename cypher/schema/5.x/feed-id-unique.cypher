// One change-feed node, whose lock serialises writers and whose counter numbers changes.
// Parameters: none. Returns: nothing. Neo4j 4.4/5.x syntax.
CREATE CONSTRAINT change_feed_id IF NOT EXISTS FOR (f:ChangeFeed) REQUIRE f.id IS UNIQUE
