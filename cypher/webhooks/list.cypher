// Every webhook, oldest first.
// Parameters: none. Returns per webhook: id, url, secret, filter, description, createdAt, cursor, failures, enabled,
// disabledReason.
MATCH (w:Webhook)
RETURN w.id, w.url, w.secret, w.filter, w.description, w.createdAt, w.cursor, w.failures, w.enabled, w.disabledReason
ORDER BY w.createdAt, w.id
