// As write/archive-edges, for the column edges these aspects own (found as write/delete-column-edges finds them:
// through the owner's Produces edge to the downstream column), with their mapping.
// Parameters: $keys: [{urn (the owner), aspect, at (Unix ms)}]. Returns: nothing.
UNWIND $keys AS k
MATCH (:Entity {urn: k.urn})-[p:Produces]->(d:Entity)
WHERE p.aspect = k.aspect
WITH DISTINCT k, d
MATCH (d)-[r:DownstreamOf]->(t:Entity)
WHERE r.owner = k.urn AND r.aspect = k.aspect AND r.lineage IN [1, 2]
CREATE (:EdgeVersion {source: d.urn, target: t.urn, type: 'DownstreamOf', aspect: r.aspect, owner: k.urn,
  lineage: r.lineage, since: coalesce(r.since, 0), until: k.at, via: r.via, transformOperation: r.transformOperation,
  confidenceScore: r.confidenceScore})
