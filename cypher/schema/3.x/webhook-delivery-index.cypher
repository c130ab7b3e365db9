// A webhook's delivery log is read and pruned by the webhook's id.
// Parameters: none. Returns: nothing. Neo4j 3.x syntax.
CREATE INDEX ON :WebhookDelivery(webhook)
