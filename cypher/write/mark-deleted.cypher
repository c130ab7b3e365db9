// A deleted aspect's last value, already history at the version numbered by its revision, records when the aspect was
// deleted, so a read as of a moment knows it was gone then.
// Parameters: $deletions: [{urn, aspect, revision, at}]. Returns: nothing.
UNWIND $deletions AS d
MATCH (:Entity {urn: d.urn})-[:HAS_ASPECT]->(a:Aspect {_name: d.aspect, _version: d.revision})
SET a._deletedAt = d.at
