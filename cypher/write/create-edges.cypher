// Creates native edges typed with DataHub's relationship names, each carrying the aspect that produced it and
// its lineage role (0 none, 1 target upstream, 2 target downstream). A target that was never ingested gets a
// bare node. Relationship types cannot be parameters in Cypher, hence one branch per known type.
// Parameters: $edges: [{source, target, targetType, type, aspect, lineage}]. Returns: nothing.
UNWIND $edges AS edge
MATCH (s:Entity {urn: edge.source})
MERGE (t:Entity {urn: edge.target})
ON CREATE SET t.entityType = edge.targetType, t.removed = false
FOREACH (_ IN CASE WHEN edge.type = 'AssociatedWith' THEN [1] ELSE [] END |
  MERGE (s)-[r:AssociatedWith {aspect: edge.aspect}]->(t) SET r.lineage = edge.lineage)
FOREACH (_ IN CASE WHEN edge.type = 'Consumes' THEN [1] ELSE [] END |
  MERGE (s)-[r:Consumes {aspect: edge.aspect}]->(t) SET r.lineage = edge.lineage)
FOREACH (_ IN CASE WHEN edge.type = 'Contains' THEN [1] ELSE [] END |
  MERGE (s)-[r:Contains {aspect: edge.aspect}]->(t) SET r.lineage = edge.lineage)
FOREACH (_ IN CASE WHEN edge.type = 'DeployedTo' THEN [1] ELSE [] END |
  MERGE (s)-[r:DeployedTo {aspect: edge.aspect}]->(t) SET r.lineage = edge.lineage)
FOREACH (_ IN CASE WHEN edge.type = 'DerivedFrom' THEN [1] ELSE [] END |
  MERGE (s)-[r:DerivedFrom {aspect: edge.aspect}]->(t) SET r.lineage = edge.lineage)
FOREACH (_ IN CASE WHEN edge.type = 'DownstreamOf' THEN [1] ELSE [] END |
  MERGE (s)-[r:DownstreamOf {aspect: edge.aspect}]->(t) SET r.lineage = edge.lineage)
FOREACH (_ IN CASE WHEN edge.type = 'IsFailing' THEN [1] ELSE [] END |
  MERGE (s)-[r:IsFailing {aspect: edge.aspect}]->(t) SET r.lineage = edge.lineage)
FOREACH (_ IN CASE WHEN edge.type = 'IsPartOf' THEN [1] ELSE [] END |
  MERGE (s)-[r:IsPartOf {aspect: edge.aspect}]->(t) SET r.lineage = edge.lineage)
FOREACH (_ IN CASE WHEN edge.type = 'IsPassing' THEN [1] ELSE [] END |
  MERGE (s)-[r:IsPassing {aspect: edge.aspect}]->(t) SET r.lineage = edge.lineage)
FOREACH (_ IN CASE WHEN edge.type = 'KeyedBy' THEN [1] ELSE [] END |
  MERGE (s)-[r:KeyedBy {aspect: edge.aspect}]->(t) SET r.lineage = edge.lineage)
FOREACH (_ IN CASE WHEN edge.type = 'MemberOf' THEN [1] ELSE [] END |
  MERGE (s)-[r:MemberOf {aspect: edge.aspect}]->(t) SET r.lineage = edge.lineage)
FOREACH (_ IN CASE WHEN edge.type = 'OwnedBy' THEN [1] ELSE [] END |
  MERGE (s)-[r:OwnedBy {aspect: edge.aspect}]->(t) SET r.lineage = edge.lineage)
FOREACH (_ IN CASE WHEN edge.type = 'Produces' THEN [1] ELSE [] END |
  MERGE (s)-[r:Produces {aspect: edge.aspect}]->(t) SET r.lineage = edge.lineage)
FOREACH (_ IN CASE WHEN edge.type = 'TaggedWith' THEN [1] ELSE [] END |
  MERGE (s)-[r:TaggedWith {aspect: edge.aspect}]->(t) SET r.lineage = edge.lineage)
FOREACH (_ IN CASE WHEN edge.type = 'TermedWith' THEN [1] ELSE [] END |
  MERGE (s)-[r:TermedWith {aspect: edge.aspect}]->(t) SET r.lineage = edge.lineage)
FOREACH (_ IN CASE WHEN edge.type = 'TrainedBy' THEN [1] ELSE [] END |
  MERGE (s)-[r:TrainedBy {aspect: edge.aspect}]->(t) SET r.lineage = edge.lineage)
FOREACH (_ IN CASE WHEN edge.type = 'UsedBy' THEN [1] ELSE [] END |
  MERGE (s)-[r:UsedBy {aspect: edge.aspect}]->(t) SET r.lineage = edge.lineage)
FOREACH (_ IN CASE WHEN edge.type = 'VersionOf' THEN [1] ELSE [] END |
  MERGE (s)-[r:VersionOf {aspect: edge.aspect}]->(t) SET r.lineage = edge.lineage)
FOREACH (_ IN CASE WHEN edge.type = 'ownershipType' THEN [1] ELSE [] END |
  MERGE (s)-[r:ownershipType {aspect: edge.aspect}]->(t) SET r.lineage = edge.lineage)
