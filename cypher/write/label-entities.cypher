// Gives entity nodes their type label (:MlModel, :MlModelGroup, …) so plain Cypher can match on it.
// Labels cannot be parameters in Cypher, hence one branch per known entity type. A node that has its type label
// already (a urn's type never changes) is passed by: a batch names mostly entities seen before, and each branch
// reads the node's type again.
// Parameters: $urns: [urn]. Returns: nothing.
UNWIND $urns AS u
MATCH (e:Entity {urn: u})
WHERE size(labels(e)) = 1
FOREACH (_ IN CASE WHEN e.entityType = 'mlFeature' THEN [1] ELSE [] END | SET e:MlFeature)
FOREACH (_ IN CASE WHEN e.entityType = 'mlFeatureTable' THEN [1] ELSE [] END | SET e:MlFeatureTable)
FOREACH (_ IN CASE WHEN e.entityType = 'mlModel' THEN [1] ELSE [] END | SET e:MlModel)
FOREACH (_ IN CASE WHEN e.entityType = 'mlModelGroup' THEN [1] ELSE [] END | SET e:MlModelGroup)
FOREACH (_ IN CASE WHEN e.entityType = 'mlPrimaryKey' THEN [1] ELSE [] END | SET e:MlPrimaryKey)
FOREACH (_ IN CASE WHEN e.entityType = 'mlModelDeployment' THEN [1] ELSE [] END | SET e:MlModelDeployment)
FOREACH (_ IN CASE WHEN e.entityType = 'dataset' THEN [1] ELSE [] END | SET e:Dataset)
FOREACH (_ IN CASE WHEN e.entityType = 'dataFlow' THEN [1] ELSE [] END | SET e:DataFlow)
FOREACH (_ IN CASE WHEN e.entityType = 'dataJob' THEN [1] ELSE [] END | SET e:DataJob)
FOREACH (_ IN CASE WHEN e.entityType = 'dataProcessInstance' THEN [1] ELSE [] END | SET e:DataProcessInstance)
FOREACH (_ IN CASE WHEN e.entityType = 'dataPlatform' THEN [1] ELSE [] END | SET e:DataPlatform)
FOREACH (_ IN CASE WHEN e.entityType = 'dataPlatformInstance' THEN [1] ELSE [] END | SET e:DataPlatformInstance)
FOREACH (_ IN CASE WHEN e.entityType = 'corpuser' THEN [1] ELSE [] END | SET e:Corpuser)
FOREACH (_ IN CASE WHEN e.entityType = 'corpGroup' THEN [1] ELSE [] END | SET e:CorpGroup)
FOREACH (_ IN CASE WHEN e.entityType = 'tag' THEN [1] ELSE [] END | SET e:Tag)
FOREACH (_ IN CASE WHEN e.entityType = 'glossaryTerm' THEN [1] ELSE [] END | SET e:GlossaryTerm)
FOREACH (_ IN CASE WHEN e.entityType = 'glossaryNode' THEN [1] ELSE [] END | SET e:GlossaryNode)
FOREACH (_ IN CASE WHEN e.entityType = 'domain' THEN [1] ELSE [] END | SET e:Domain)
FOREACH (_ IN CASE WHEN e.entityType = 'container' THEN [1] ELSE [] END | SET e:Container)
FOREACH (_ IN CASE WHEN e.entityType = 'application' THEN [1] ELSE [] END | SET e:Application)
FOREACH (_ IN CASE WHEN e.entityType = 'test' THEN [1] ELSE [] END | SET e:Test)
FOREACH (_ IN CASE WHEN e.entityType = 'form' THEN [1] ELSE [] END | SET e:Form)
FOREACH (_ IN CASE WHEN e.entityType = 'structuredProperty' THEN [1] ELSE [] END | SET e:StructuredProperty)
FOREACH (_ IN CASE WHEN e.entityType = 'ownershipType' THEN [1] ELSE [] END | SET e:OwnershipType)
FOREACH (_ IN CASE WHEN e.entityType = 'dataProduct' THEN [1] ELSE [] END | SET e:DataProduct)
FOREACH (_ IN CASE WHEN e.entityType = 'versionSet' THEN [1] ELSE [] END | SET e:VersionSet)
FOREACH (_ IN CASE WHEN e.entityType = 'platformResource' THEN [1] ELSE [] END | SET e:PlatformResource)
FOREACH (_ IN CASE WHEN e.entityType = 'schemaField' THEN [1] ELSE [] END | SET e:SchemaField)
FOREACH (_ IN CASE WHEN e.entityType = 'chart' THEN [1] ELSE [] END | SET e:Chart)
FOREACH (_ IN CASE WHEN e.entityType = 'dashboard' THEN [1] ELSE [] END | SET e:Dashboard)
FOREACH (_ IN CASE WHEN e.entityType = 'telemetry' THEN [1] ELSE [] END | SET e:Telemetry)
