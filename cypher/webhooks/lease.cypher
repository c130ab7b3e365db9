// Gives a webhook's delivery to $owner until $until, if no other instance holds it (free, already $owner's, or run
// out by $now): the one instance that gets a row delivers it, from the state it returns.
// Parameters: $id, $owner, $now, $until (Unix ms). Returns: id, url, secret, filter, description, createdAt, cursor,
// failures, enabled, disabledReason (no row when another instance holds it).
MATCH (w:Webhook {id: $id})
WHERE w.leaseOwner IS NULL OR w.leaseOwner = $owner OR w.leaseUntil < $now
SET w.leaseOwner = $owner, w.leaseUntil = $until
RETURN w.id, w.url, w.secret, w.filter, w.description, w.createdAt, w.cursor, w.failures, w.enabled, w.disabledReason
