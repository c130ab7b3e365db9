// How many relationship edges touch each entity, in and out (aspect links excluded): autocomplete breaks ties with it.
// Parameters: $urns: [urn]. Returns per known urn: urn, edges.
UNWIND $urns AS u
MATCH (e:Entity {urn: u})
OPTIONAL MATCH (e)-[r]-(:Entity)
RETURN u AS urn, count(r) AS edges
