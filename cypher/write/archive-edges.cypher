// Before these aspects' edges are replaced: each current lineage edge an aspect states becomes an edge version that
// ended at the write's time (until), from the time it was stated (the native edge's since). A current edge keeps its
// interval on itself, so a first ingest writes no history at all; only what is replaced goes to the history beside
// the graph, which no read of the present ever steps over.
// Parameters: $keys: [{urn (the aspect's entity), aspect, at (Unix ms)}]. Returns: nothing.
UNWIND $keys AS k
MATCH (s:Entity {urn: k.urn})-[r]->(t:Entity)
WHERE r.aspect = k.aspect AND r.lineage IN [1, 2]
CREATE (:EdgeVersion {source: s.urn, target: t.urn, type: type(r), aspect: r.aspect, owner: k.urn, lineage: r.lineage,
  since: coalesce(r.since, 0), until: k.at})
