// The replay of the older versions' edges is over: read/edge-history-replay answers null from now on.
// Parameters: none. Returns: nothing.
MATCH (f:ChangeFeed {id: 'main'})
REMOVE f.edgeReplayFrom
