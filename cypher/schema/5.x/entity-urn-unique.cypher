// Every entity node is found by its urn, and there is one node per urn.
// Parameters: none. Returns: nothing. Neo4j 4.4/5.x syntax.
CREATE CONSTRAINT entity_urn IF NOT EXISTS FOR (e:Entity) REQUIRE e.urn IS UNIQUE
