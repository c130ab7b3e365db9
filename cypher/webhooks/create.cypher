// Registers a webhook, enabled, its delivery starting after $cursor. MERGE on its id, so that a retry after a commit
// whose answer was lost registers it once.
// Parameters: $id, $url, $secret, $filter (JSON text), $description, $createdAt (Unix ms), $cursor. Returns: nothing.
MERGE (w:Webhook {id: $id})
ON CREATE SET w.url = $url, w.secret = $secret, w.filter = $filter, w.description = $description,
              w.createdAt = $createdAt, w.cursor = $cursor, w.failures = 0, w.enabled = true, w.deliveries = 0
