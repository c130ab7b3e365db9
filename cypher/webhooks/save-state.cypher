// Records how far a webhook's delivery has got, if $owner still holds its lease.
// Parameters: $id, $owner, $cursor, $failures, $enabled, $disabledReason. Returns: the id (no row when the lease is lost).
MATCH (w:Webhook {id: $id})
WHERE w.leaseOwner = $owner
SET w.cursor = $cursor, w.failures = $failures, w.enabled = $enabled, w.disabledReason = $disabledReason
RETURN w.id
