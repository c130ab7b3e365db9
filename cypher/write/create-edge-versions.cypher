// Keeps edge versions that have ended: a lineage edge a batch stated and then replaced within the same batch (an import
// restoring several versions), or one the replay of older versions found. Source, target and relationship type as the
// native edge has them, the entity whose aspect stated it (owner), the lineage role, a column edge's mapping, and the
// interval: since, until (Unix ms).
// Parameters: $edges: [{source, target, type, aspect, owner, lineage, since, until, via, transformOperation,
// confidenceScore}]. Returns: nothing.
UNWIND $edges AS e
CREATE (:EdgeVersion {source: e.source, target: e.target, type: e.type, aspect: e.aspect, owner: e.owner,
  lineage: e.lineage, since: e.since, until: e.until, via: e.via, transformOperation: e.transformOperation,
  confidenceScore: e.confidenceScore})
