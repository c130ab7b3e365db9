// One bootstrap node per store: instances starting at once MERGE it, and the uniqueness makes the one that creates
// it the only one to make the first admin token (auth/create-first-admin).
// Parameters: none. Returns: nothing. Neo4j 3.x syntax (repeating it is harmless there).
CREATE CONSTRAINT ON (b:ApiTokenBootstrap) ASSERT b.id IS UNIQUE
