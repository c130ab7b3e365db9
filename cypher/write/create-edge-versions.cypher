// Starts an edge version for each lineage edge an aspect now states: source, target and relationship type as the
// native edge has them, the entity whose aspect stated it (owner), the lineage role, a column edge's mapping, and the
// time it began (since, Unix ms); until stays unset while it is current (write/close-edge-versions ends it).
// Parameters: $edges: [{source, target, type, aspect, owner, lineage, since, via, transformOperation,
// confidenceScore}]. Returns: nothing.
UNWIND $edges AS e
CREATE (:EdgeVersion {source: e.source, target: e.target, type: e.type, aspect: e.aspect, owner: e.owner,
  lineage: e.lineage, since: e.since, via: e.via, transformOperation: e.transformOperation,
  confidenceScore: e.confidenceScore})
