// Hard delete: the edge history the entities' aspects made goes with those aspects' own history, so the past is
// rebuilt from what the store still keeps.
// Parameters: $urns: [urn]. Returns: nothing.
UNWIND $urns AS u
MATCH (h:EdgeVersion {owner: u})
DELETE h
