// One webhook by id.
// Parameters: $id. Returns: id, url, secret, filter, description, createdAt, cursor, failures, enabled, disabledReason
// (no row when there is none).
MATCH (w:Webhook {id: $id})
RETURN w.id, w.url, w.secret, w.filter, w.description, w.createdAt, w.cursor, w.failures, w.enabled, w.disabledReason
