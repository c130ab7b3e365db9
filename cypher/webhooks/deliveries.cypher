// A webhook's newest delivery attempts, newest first.
// Parameters: $id, $limit. Returns per attempt: webhook, sequence, attempt, at, status, error, durationMs, delivered.
MATCH (d:WebhookDelivery {webhook: $id})
RETURN d.webhook, d.sequence, d.attempt, d.at, d.status, d.error, d.durationMs, d.delivered
ORDER BY d.n DESC
LIMIT $limit
