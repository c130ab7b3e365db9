// Makes sure each written entity has its node, with its type, key parts and creation time, and records its
// soft-delete flag when the batch set one (removed = null leaves it as it is).
// Parameters: $entities: [{urn, entityType, keyParts: map, createdAt, removed}]. Returns: nothing.
UNWIND $entities AS row
MERGE (e:Entity {urn: row.urn})
SET e += row.keyParts,
    e.entityType = row.entityType,
    e.createdAt = coalesce(e.createdAt, row.createdAt),
    e.removed = coalesce(row.removed, e.removed, false)
