// Once per store: a store from before the edge history starts it from its current lineage edges, each dated (since)
// by the latest version of the aspect that states it, and leaves the older versions' edges to the replay from $now
// (edgeReplayFrom, which read/edge-history-replay reads and write/finish-edge-replay removes). The feed node remembers
// that it was done; a new store, without an aspect yet, has nothing to date and nothing to replay.
// Parameters: $now (Unix ms). Returns: nothing.
MATCH (f:ChangeFeed {id: 'main'})
WHERE f.edgesDated IS NULL
OPTIONAL MATCH (a:Aspect)
WITH f, a
LIMIT 1
SET f.edgesDated = true, f.edgeReplayFrom = CASE WHEN a IS NULL THEN null ELSE $now END
WITH f
MATCH (s:Entity)-[r]->(:Entity)
WHERE r.lineage IN [1, 2] AND r.since IS NULL
WITH s, r, coalesce(r.owner, s.urn) AS owner
OPTIONAL MATCH (:Entity {urn: owner})-[:HAS_ASPECT]->(a:Aspect {_name: r.aspect, _version: 0})
SET r.since = coalesce(a._createdAt, 0)
