// One bootstrap node per store: instances starting at once MERGE it, and the uniqueness makes the one that creates
// it the only one to make the first admin token (auth/create-first-admin).
// Parameters: none. Returns: nothing. Neo4j 4.4/5.x syntax.
CREATE CONSTRAINT api_token_bootstrap_id IF NOT EXISTS FOR (b:ApiTokenBootstrap) REQUIRE b.id IS UNIQUE
