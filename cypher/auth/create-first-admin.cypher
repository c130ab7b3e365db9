// The admin token of a store's first start, made once per store however many instances start at the same moment:
// the bootstrap node is unique (schema/*/auth-bootstrap-unique), so one transaction's MERGE creates it and the others
// wait for that one to commit and then find it. Only the attempt whose token id the node holds stores its token; a
// retry of that attempt finds its own id and MERGEs the same token, so nothing is stored twice.
// Parameters: $key (the bootstrap node's id), then the token as in auth/create-token: $id, $name, $scope,
// $createdAt, $expiresAt, $secretHash.
// Returns: one row, the token's id, when this attempt stored the token; no row when the store already had one.
MERGE (b:ApiTokenBootstrap {id: $key})
ON CREATE SET b.tokenId = $id, b.createdAt = $createdAt
WITH b
WHERE b.tokenId = $id
MERGE (t:ApiToken {id: $id})
ON CREATE SET t.name = $name, t.scope = $scope, t.createdAt = $createdAt, t.expiresAt = $expiresAt,
              t.revoked = false, t.secretHash = $secretHash
RETURN t.id
