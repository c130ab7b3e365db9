// Enables a webhook again, its failures forgotten; delivery goes on from its cursor.
// Parameters: $id. Returns: the id (no row when there is none).
MATCH (w:Webhook {id: $id})
SET w.enabled = true, w.failures = 0, w.disabledReason = null
RETURN w.id
