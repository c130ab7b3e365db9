// Logs one delivery attempt, numbered by the webhook's own count, and drops the ones older than the newest $kept.
// Parameters: $webhook, $sequence, $attempt, $at (Unix ms), $status, $error, $durationMs, $delivered, $kept.
// Returns: nothing.
MATCH (w:Webhook {id: $webhook})
SET w.deliveries = coalesce(w.deliveries, 0) + 1
CREATE (:WebhookDelivery {webhook: $webhook, n: w.deliveries, sequence: $sequence, attempt: $attempt, at: $at,
  status: $status, error: $error, durationMs: $durationMs, delivered: $delivered})
WITH w
MATCH (old:WebhookDelivery {webhook: $webhook})
WHERE old.n <= w.deliveries - $kept
DELETE old
