// Removes a webhook and its delivery log.
// Parameters: $id. Returns: the webhook's id (no row when there was none).
MATCH (w:Webhook {id: $id})
OPTIONAL MATCH (d:WebhookDelivery {webhook: $id})
DELETE d
WITH DISTINCT w
DELETE w
RETURN $id
