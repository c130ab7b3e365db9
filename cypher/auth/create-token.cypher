// Stores a new API token. MERGE on its id, so that a retry after a commit whose answer was lost stores it once.
// Parameters: $id, $name, $scope ('read', 'write' or 'admin'), $createdAt (Unix ms), $expiresAt (Unix ms; null for
// never), $secretHash (base64 of the secret's SHA-256).
// Returns: nothing.
MERGE (t:ApiToken {id: $id})
ON CREATE SET t.name = $name, t.scope = $scope, t.createdAt = $createdAt, t.expiresAt = $expiresAt,
              t.revoked = false, t.secretHash = $secretHash
