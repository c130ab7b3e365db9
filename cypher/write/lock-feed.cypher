// Takes the write lock for this transaction: every batch writes the change-feed node first, so batches
// commit one at a time and change sequence numbers follow commit order with no gaps.
// Parameters: none. Returns: the sequence number of the last committed change.
MATCH (f:ChangeFeed {id: 'main'})
SET f.lockedAt = timestamp()
RETURN f.seq
