// Where the change feed ends: the counter every batch moves in the transaction that appends its changes (see
// write/lock-feed), so every change up to it is committed.
// Parameters: none. Returns: seq, the number of the last committed change (no row before the feed node exists).
MATCH (f:ChangeFeed {id: 'main'})
RETURN f.seq AS seq
