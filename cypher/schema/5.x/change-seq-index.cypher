// Consumers read "every change after N": an index on the sequence number.
// Parameters: none. Returns: nothing. Neo4j 4.4/5.x syntax.
CREATE INDEX change_seq IF NOT EXISTS FOR (c:Change) ON (c.seq)
