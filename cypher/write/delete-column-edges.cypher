// Removes the column edges these aspects of these entities own (all their aspects' when aspect is null: a hard
// delete), before the owners' own edges go. A column edge starts at a downstream column, which its owner's
// fine-grained lineage always also names with a Produces edge of the same aspect: that edge finds it without
// scanning every relationship for its owner.
// Parameters: $keys: [{urn, aspect}] (aspect may be null). Returns: nothing.
UNWIND $keys AS k
MATCH (:Entity {urn: k.urn})-[p:Produces]->(d:Entity)
WHERE k.aspect IS NULL OR p.aspect = k.aspect
WITH DISTINCT k, d
MATCH (d)-[r:DownstreamOf]->(:Entity)
WHERE r.owner = k.urn AND (k.aspect IS NULL OR r.aspect = k.aspect)
DELETE r
