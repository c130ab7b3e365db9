// A webhook's delivery log is read and pruned by the webhook's id.
// Parameters: none. Returns: nothing. Neo4j 4.4/5.x syntax.
CREATE INDEX webhook_delivery_webhook IF NOT EXISTS FOR (d:WebhookDelivery) ON (d.webhook)
