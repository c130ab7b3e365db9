// Keeps an edge version for each lineage edge a batch stated: source, target and relationship type as the native edge
// has them, the entity whose aspect stated it (owner), the lineage role, a column edge's mapping, the time it began
// (since, Unix ms) and, if the batch itself stated the aspect again, the time it ended (until); until stays unset
// while it is current (write/close-edge-versions ends it).
// Parameters: $edges: [{source, target, type, aspect, owner, lineage, since, until, via, transformOperation,
// confidenceScore}]. Returns: nothing.
UNWIND $edges AS e
CREATE (:EdgeVersion {source: e.source, target: e.target, type: e.type, aspect: e.aspect, owner: e.owner,
  lineage: e.lineage, since: e.since, until: e.until, via: e.via, transformOperation: e.transformOperation,
  confidenceScore: e.confidenceScore})
