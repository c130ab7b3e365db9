// Consumers read "every change after N": an index on the sequence number.
// Parameters: none. Returns: nothing. Neo4j 3.x syntax.
CREATE INDEX ON :Change(seq)
