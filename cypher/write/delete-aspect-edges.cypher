// Removes the edges that these aspects of these entities produced, before their new edges are created.
// Parameters: $keys: [{urn, aspect}]. Returns: nothing.
UNWIND $keys AS k
MATCH (:Entity {urn: k.urn})-[r]->(:Entity)
WHERE r.aspect = k.aspect
DELETE r
