// Revokes an API token for good; revoking it again changes nothing.
// Parameters: $id.
// Returns: the token as in auth/tokens, now revoked, or no row when there is no such token.
MATCH (t:ApiToken {id: $id})
SET t.revoked = true
RETURN t.id, t.name, t.scope, t.createdAt, t.expiresAt, t.revoked, t.secretHash
