// What the batch planner needs to know of each (entity, aspect) a batch touches.
// Parameters: $keys: [{urn, aspect}]. Returns per key: urn, aspect, latest ([revision, hash, json] or
// an empty list when absent), maxVersion (the highest history version, 0 when none).
UNWIND $keys AS k
OPTIONAL MATCH (:Entity {urn: k.urn})-[:HAS_ASPECT]->(a:Aspect {_name: k.aspect})
WITH k, collect(a) AS versions
RETURN k.urn AS urn, k.aspect AS aspect,
       [v IN versions WHERE v._version = 0 | [v._revision, v._hash, v._json]] AS latest,
       reduce(m = 0, v IN versions | CASE WHEN v._version > m THEN v._version ELSE m END) AS maxVersion
