// Creates the change-feed node once, with its counter at 0.
// Parameters: none. Returns: the current sequence number.
MERGE (f:ChangeFeed {id: 'main'})
ON CREATE SET f.seq = 0
RETURN f.seq
