// Once per store: the deleted aspects' last versions written before deletion times were kept take them from the change
// feed, which has recorded every deletion. The feed node remembers that it was done.
// Parameters: none. Returns: nothing.
MATCH (f:ChangeFeed {id: 'main'})
WHERE f.deletionsDated IS NULL
SET f.deletionsDated = true
WITH f
MATCH (c:Change {kind: 'AspectDeleted'})
MATCH (:Entity {urn: c.urn})-[:HAS_ASPECT]->(a:Aspect {_name: c.aspect, _version: c.revision})
WHERE a._deletedAt IS NULL
SET a._deletedAt = c.at
