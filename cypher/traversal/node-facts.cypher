// What a lineage answer says of each node it returns: soft-deleted or not, and ingested or only referenced.
// Parameters: $urns: [urn]. Returns per known urn: urn, removed, exists.
UNWIND $urns AS u
MATCH (e:Entity {urn: u})
RETURN u AS urn, coalesce(e.removed, false) AS removed, e.createdAt IS NOT NULL AS exists
