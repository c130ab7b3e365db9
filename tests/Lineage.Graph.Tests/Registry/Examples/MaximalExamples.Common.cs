namespace Lineage.Graph.Tests.Registry.Examples;

// The aspects many entity types share (CommonAspects.cs).
internal static partial class MaximalExamples
{
    private static MaximalExample[] CommonExamples =>
    [
        new("ownership", "mlModel", """
            {"owners": [{"owner": "urn:li:corpuser:data_science_team", "type": "TECHNICAL_OWNER",
                         "typeUrn": "urn:li:ownershipType:__system__technical_owner",
                         "source": {"type": "SERVICE", "url": "https://mlflow.example.com"}, "attribution": <<Attribution>>},
                        {"owner": "urn:li:corpGroup:recs", "type": "BUSINESS_OWNER"}],
             "ownerTypes": {"urn:li:ownershipType:__system__technical_owner": ["urn:li:corpuser:data_science_team"]},
             "lastModified": <<Stamp>>}
            """),
        new("globalTags", "mlModel", "<<Tags>>"),
        new("glossaryTerms", "mlModel", "<<Terms>>"),
        new("domains", "mlModel", """{"domains": ["urn:li:domain:marketing"]}"""),
        new("applications", "mlModel", """{"applications": ["urn:li:application:recommendations"]}"""),
        new("container", "mlModel", """{"container": "urn:li:container:ml-platform"}"""),
        new("status", "mlModel", """{"removed": false}"""),
        new("deprecation", "mlModel", """
            {"deprecated": true, "decommissionTime": 1767225600000, "note": "Replaced by v4",
             "actor": "urn:li:corpuser:datahub",
             "replacement": "urn:li:mlModel:(urn:li:dataPlatform:mlflow,recommendation-model-v4,PROD)"}
            """),
        new("institutionalMemory", "mlModel", """
            {"elements": [{"url": "https://wiki.example.com/recs", "description": "Design doc", "createStamp": <<Stamp>>,
                           "updateStamp": <<Stamp>>, "settings": {"showInAssetPreview": true}}]}
            """),
        new("browsePaths", "mlModel", """{"paths": ["/prod/mlflow/recommendations"]}"""),
        new("browsePathsV2", "mlModel", """
            {"path": [{"id": "recommendations"}, {"id": "urn:li:container:ml-platform", "urn": "urn:li:container:ml-platform"}]}
            """),
        new("dataPlatformInstance", "mlModel", """
            {"platform": "urn:li:dataPlatform:mlflow",
             "instance": "urn:li:dataPlatformInstance:(urn:li:dataPlatform:mlflow,eu-registry)"}
            """),
        new("subTypes", "mlModel", """{"typeNames": ["Model", "Ranking Model"]}"""),
        // PrimitivePropertyValue is union[string, double]: every value is wrapped.
        new("structuredProperties", "mlModel", """
            {"properties": [{"propertyUrn": "urn:li:structuredProperty:io.acryl.privacy.retentionTime",
                             "values": [{"double": 90.0}], "created": <<Stamp>>, "lastModified": <<Stamp>>,
                             "attribution": <<Attribution>>},
                            {"propertyUrn": "urn:li:structuredProperty:io.acryl.dataClassification",
                             "values": [{"string": "internal"}, {"string": "pii"}]}]}
            """),
        new("testResults", "mlModel", """
            {"failing": [{"test": "urn:li:test:has-description", "type": "FAILURE", "testDefinitionMd5": "9e107d9d372bb6826bd81d3542a419d6",
                          "lastComputed": <<Stamp>>}],
             "passing": [{"test": "urn:li:test:has-owner", "type": "SUCCESS"}]}
            """),
        new("forms", "mlModel", """
            {"incompleteForms": [{"urn": "urn:li:form:ml-governance",
                                  "incompletePrompts": [{"id": "prompt-owner", "lastModified": <<Stamp>>,
                                                         "fieldAssociations": {
                                                           "completedFieldPrompts": [{"fieldPath": "user_id", "lastModified": <<Stamp>>}],
                                                           "incompleteFieldPrompts": [{"fieldPath": "age", "lastModified": <<Stamp>>}]}}],
                                  "completedPrompts": [{"id": "prompt-domain", "lastModified": <<Stamp>>}]}],
             "completedForms": [{"urn": "urn:li:form:basics", "incompletePrompts": [], "completedPrompts": []}],
             "verifications": [{"form": "urn:li:form:basics", "lastModified": <<Stamp>>}]}
            """),
        new("documentation", "schemaField", """
            {"documentations": [{"documentation": "Ranks items for a user", "attribution": <<Attribution>>}]}
            """),
    ];
}
