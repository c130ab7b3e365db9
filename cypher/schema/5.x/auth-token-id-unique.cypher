// Every API token node is found by its id, and there is one node per id.
// Parameters: none. Returns: nothing. Neo4j 4.4/5.x syntax.
CREATE CONSTRAINT api_token_id IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.id IS UNIQUE
