// A page of a walk over every entity, in urn order: a range seek on the unique index of Entity.urn, so a page far
// into the walk costs what the first does.
// Parameters: $after (the last urn of the previous page; "" for the first), $limit. Returns per entity: urn.
MATCH (e:Entity)
WHERE e.urn > $after
RETURN e.urn AS urn
ORDER BY e.urn
LIMIT $limit
