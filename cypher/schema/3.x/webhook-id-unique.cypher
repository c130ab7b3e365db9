// Every webhook node is found by its id, and there is one node per id.
// Parameters: none. Returns: nothing. Neo4j 3.x syntax (repeating it is harmless there).
CREATE CONSTRAINT ON (w:Webhook) ASSERT w.id IS UNIQUE
