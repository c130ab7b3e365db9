// What the batch planner needs to know of each entity a batch touches.
// Parameters: $urns: [urn]. Returns per urn: urn, latestAspects (aspects present now), storedVersions (every version kept).
UNWIND $urns AS u
OPTIONAL MATCH (:Entity {urn: u})-[:HAS_ASPECT]->(a:Aspect)
RETURN u AS urn, sum(CASE WHEN a._version = 0 THEN 1 ELSE 0 END) AS latestAspects, count(a) AS storedVersions
