// Every webhook node is found by its id, and there is one node per id.
// Parameters: none. Returns: nothing. Neo4j 4.4/5.x syntax.
CREATE CONSTRAINT webhook_id IF NOT EXISTS FOR (w:Webhook) REQUIRE w.id IS UNIQUE
