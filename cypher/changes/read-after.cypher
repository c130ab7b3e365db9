// The change feed: the changes numbered $after + 1 to $after + $limit, in order. Numbers have no gaps (see
// write/lock-feed), so the window holds exactly the next $limit changes, and the index seek reads only those rather
// than the whole tail of the feed when a reader is far behind.
// Parameters: $after, $limit. Returns per change: seq, urn, entityType, aspect, kind, previous, current, revision, at,
// systemMetadata, actor.
MATCH (c:Change)
WHERE c.seq > $after AND c.seq <= $after + $limit
RETURN c.seq AS seq, c.urn AS urn, c.entityType AS entityType, c.aspect AS aspect, c.kind AS kind,
       c.previous AS previous, c.current AS current, c.revision AS revision, c.at AS at,
       c.systemMetadata AS systemMetadata, c.actor AS actor
ORDER BY c.seq
