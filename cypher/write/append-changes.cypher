// Appends the batch's change records, numbered after the feed's counter, and moves the counter on.
// The feed node is locked by this transaction (write/lock-feed), so numbers follow commit order without gaps.
// Parameters: $changes: [{urn, entityType, aspect, kind, previous, current, revision, at, systemMetadata, actor}]. Returns: base, the
// number before the first new change (change i gets base + i + 1).
MATCH (f:ChangeFeed {id: 'main'})
WITH f, f.seq AS base
SET f.seq = base + size($changes)
WITH base
UNWIND range(0, size($changes) - 1) AS i
WITH base, i, $changes[i] AS c
CREATE (:Change {seq: base + i + 1, urn: c.urn, entityType: c.entityType, aspect: c.aspect, kind: c.kind,
                 previous: c.previous, current: c.current, revision: c.revision, at: c.at,
                 systemMetadata: c.systemMetadata, actor: c.actor})
RETURN DISTINCT base
