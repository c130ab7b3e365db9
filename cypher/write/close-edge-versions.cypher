// Ends, at the time of the write that replaces them, the edge versions these aspects stated that are still current.
// A history beside the graph, not closed relationships in it: every read of the current graph stays as it was, and
// never has to step over an edge that is no longer there.
// Parameters: $keys: [{urn (the aspect's entity), aspect, at (Unix ms)}]. Returns: nothing.
UNWIND $keys AS k
MATCH (h:EdgeVersion {owner: k.urn})
WHERE h.aspect = k.aspect AND h.until IS NULL
SET h.until = k.at
