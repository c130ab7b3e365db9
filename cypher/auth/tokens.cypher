// Every API token, for an instance's in-memory mirror: tokens are few, so each refresh reads them all.
// Parameters: none.
// Returns: one row per token: id, name, scope, createdAt, expiresAt (null for never), revoked, secretHash.
MATCH (t:ApiToken)
RETURN t.id, t.name, t.scope, t.createdAt, t.expiresAt, coalesce(t.revoked, false), t.secretHash
