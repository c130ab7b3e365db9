// The change feed: up to $limit changes with a sequence number greater than $after, in order.
// Parameters: $after, $limit. Returns per change: seq, urn, entityType, aspect, kind, previous, current, revision, at.
MATCH (c:Change)
WHERE c.seq > $after
RETURN c.seq AS seq, c.urn AS urn, c.entityType AS entityType, c.aspect AS aspect, c.kind AS kind,
       c.previous AS previous, c.current AS current, c.revision AS revision, c.at AS at
ORDER BY c.seq
LIMIT $limit
