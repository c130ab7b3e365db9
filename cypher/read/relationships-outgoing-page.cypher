// One page of a outgoing relationship query, ordered by relationship name then urn.
// Parameters: $urn, $types: [name] (empty = all), $includeRemoved, $start, $count. Returns per row: type, urn.
MATCH (:Entity {urn: $urn})-[r]->(other:Entity)
WHERE r.aspect IS NOT NULL
  AND (size($types) = 0 OR type(r) IN $types)
  AND ($includeRemoved OR NOT coalesce(other.removed, false))
WITH DISTINCT type(r) AS type, other.urn AS urn
RETURN type, urn
ORDER BY type, urn
SKIP $start LIMIT $count
