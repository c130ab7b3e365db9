// Every entity node is found by its urn, and there is one node per urn.
// Parameters: none. Returns: nothing. Neo4j 3.x syntax (repeating it is harmless there).
CREATE CONSTRAINT ON (e:Entity) ASSERT e.urn IS UNIQUE
