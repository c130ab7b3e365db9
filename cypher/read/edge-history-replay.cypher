// When the edge history began, while the replay of the older versions' edges is still to finish; null after.
// Parameters: none. Returns: edgeReplayFrom (Unix ms or null).
MATCH (f:ChangeFeed {id: 'main'})
RETURN f.edgeReplayFrom AS edgeReplayFrom
