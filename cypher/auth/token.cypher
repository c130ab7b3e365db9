// One API token by id: a request naming a token this instance has not seen yet (made on another instance since its
// last refresh) is checked against the store before it is refused.
// Parameters: $id.
// Returns: the token as in auth/tokens, or no row.
MATCH (t:ApiToken {id: $id})
RETURN t.id, t.name, t.scope, t.createdAt, t.expiresAt, coalesce(t.revoked, false), t.secretHash
