// Creates native edges typed with DataHub's relationship names, each carrying the aspect that produced it and
// its lineage role (0 none, 1 target upstream, 2 target downstream). A target that was never ingested gets a
// bare node. Relationship types cannot be parameters in Cypher, hence one branch per known type.
// CREATE, not MERGE: the batch has just deleted every edge of these aspects (write/delete-aspect-edges) and the store
// sends each edge once, so there is nothing to match, and MERGE's check against a hub's many relationships was the
// costliest part of a batch.
// since: when the aspect stated the edge (Unix ms), the start of its current interval in the edge history.
// Parameters: $edges: [{source, target, targetType, type, aspect, lineage, since}]. Returns: nothing.
UNWIND $edges AS edge
MATCH (s:Entity {urn: edge.source})
MERGE (t:Entity {urn: edge.target})
ON CREATE SET t.entityType = edge.targetType, t.removed = false
FOREACH (_ IN CASE WHEN edge.type = 'AssociatedWith' THEN [1] ELSE [] END |
  CREATE (s)-[:AssociatedWith {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'ChildOf' THEN [1] ELSE [] END |
  CREATE (s)-[:ChildOf {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'Consumes' THEN [1] ELSE [] END |
  CREATE (s)-[:Consumes {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'Contains' THEN [1] ELSE [] END |
  CREATE (s)-[:Contains {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'DataProcessInstanceConsumes' THEN [1] ELSE [] END |
  CREATE (s)-[:DataProcessInstanceConsumes {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'DataProcessInstanceProduces' THEN [1] ELSE [] END |
  CREATE (s)-[:DataProcessInstanceProduces {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'DeployedTo' THEN [1] ELSE [] END |
  CREATE (s)-[:DeployedTo {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'DerivedFrom' THEN [1] ELSE [] END |
  CREATE (s)-[:DerivedFrom {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'DownstreamOf' THEN [1] ELSE [] END |
  CREATE (s)-[:DownstreamOf {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'EditableSchemaFieldTaggedWith' THEN [1] ELSE [] END |
  CREATE (s)-[:EditableSchemaFieldTaggedWith {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'EditableSchemaFieldWithGlossaryTerm' THEN [1] ELSE [] END |
  CREATE (s)-[:EditableSchemaFieldWithGlossaryTerm {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'EvaluatedOn' THEN [1] ELSE [] END |
  CREATE (s)-[:EvaluatedOn {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'ForeignKeyTo' THEN [1] ELSE [] END |
  CREATE (s)-[:ForeignKeyTo {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'ForeignKeyToDataset' THEN [1] ELSE [] END |
  CREATE (s)-[:ForeignKeyToDataset {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'HasSchemaField' THEN [1] ELSE [] END |
  CREATE (s)-[:HasSchemaField {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'InstanceOf' THEN [1] ELSE [] END |
  CREATE (s)-[:InstanceOf {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'IsFailing' THEN [1] ELSE [] END |
  CREATE (s)-[:IsFailing {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'IsPartOf' THEN [1] ELSE [] END |
  CREATE (s)-[:IsPartOf {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'IsPassing' THEN [1] ELSE [] END |
  CREATE (s)-[:IsPassing {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'IsPersona' THEN [1] ELSE [] END |
  CREATE (s)-[:IsPersona {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'IsUserOf' THEN [1] ELSE [] END |
  CREATE (s)-[:IsUserOf {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'KeyedBy' THEN [1] ELSE [] END |
  CREATE (s)-[:KeyedBy {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'MemberOf' THEN [1] ELSE [] END |
  CREATE (s)-[:MemberOf {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'OwnedBy' THEN [1] ELSE [] END |
  CREATE (s)-[:OwnedBy {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'Produces' THEN [1] ELSE [] END |
  CREATE (s)-[:Produces {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'ReportsTo' THEN [1] ELSE [] END |
  CREATE (s)-[:ReportsTo {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'SchemaFieldTaggedWith' THEN [1] ELSE [] END |
  CREATE (s)-[:SchemaFieldTaggedWith {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'SchemaFieldWithGlossaryTerm' THEN [1] ELSE [] END |
  CREATE (s)-[:SchemaFieldWithGlossaryTerm {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'SiblingOf' THEN [1] ELSE [] END |
  CREATE (s)-[:SiblingOf {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'TaggedWith' THEN [1] ELSE [] END |
  CREATE (s)-[:TaggedWith {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'TermedWith' THEN [1] ELSE [] END |
  CREATE (s)-[:TermedWith {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'TrainedBy' THEN [1] ELSE [] END |
  CREATE (s)-[:TrainedBy {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'TrainedOn' THEN [1] ELSE [] END |
  CREATE (s)-[:TrainedOn {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'UpstreamOf' THEN [1] ELSE [] END |
  CREATE (s)-[:UpstreamOf {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'UsedBy' THEN [1] ELSE [] END |
  CREATE (s)-[:UsedBy {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'VersionOf' THEN [1] ELSE [] END |
  CREATE (s)-[:VersionOf {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
FOREACH (_ IN CASE WHEN edge.type = 'ownershipType' THEN [1] ELSE [] END |
  CREATE (s)-[:ownershipType {aspect: edge.aspect, lineage: edge.lineage, since: edge.since}]->(t))
