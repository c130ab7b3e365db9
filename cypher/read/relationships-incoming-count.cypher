// How many (relationship, entity) pairs a incoming relationship query finds; several aspects yielding the
// same pair count once, and soft-deleted entities only when asked for.
// Parameters: $urn, $types: [name] (empty = all), $includeRemoved. Returns: total.
MATCH (:Entity {urn: $urn})<-[r]-(other:Entity)
WHERE r.aspect IS NOT NULL
  AND (size($types) = 0 OR type(r) IN $types)
  AND ($includeRemoved OR NOT coalesce(other.removed, false))
WITH DISTINCT type(r) AS type, other.urn AS urn
RETURN count(*) AS total
