namespace Lineage.Graph.Tests.Registry.Examples;

// The dataset aspects (DatasetAspects.cs): com.linkedin.dataset.* and com.linkedin.schema.*.
internal static partial class MaximalExamples
{
    private static MaximalExample[] DatasetExamples =>
    [
        new("datasetProperties", "dataset", """
            {"customProperties": {"retention": "30d"}, "externalUrl": "https://hive.example.com/fct_users_deleted",
             "name": "fct_users_deleted", "qualifiedName": "warehouse.fct_users_deleted", "description": "Deleted users",
             "uri": "hdfs:///warehouse/fct_users_deleted", "created": <<When>>, "lastModified": <<When>>, "tags": ["legacy"]}
            """),
        new("editableDatasetProperties", "dataset", """
            {"created": <<Stamp>>, "lastModified": <<Stamp>>, "deleted": <<Stamp>>,
             "description": "Edited in the UI", "name": "Deleted users"}
            """),
        new("upstreamLineage", "dataset", """
            {"upstreams": [{"auditStamp": <<Stamp>>, "created": <<Stamp>>, "dataset": "<<OtherDataset>>", "type": "TRANSFORMED",
                            "properties": {"job": "nightly"}, "query": "urn:li:query:4f2a9c"}],
             "fineGrainedLineages": [<<FineGrainedLineage>>]}
            """),
        new("schemaMetadata", "dataset", """
            {"created": <<Stamp>>, "lastModified": <<Stamp>>, "deleted": <<Stamp>>,
             "schemaName": "fct_users_deleted", "platform": "urn:li:dataPlatform:hive", "version": 0,
             "dataset": "<<Dataset>>", "cluster": "prod-eu", "hash": "5d41402abc4b2a76b9719d911017c592",
             "platformSchema": {"com.linkedin.schema.KafkaSchema": {"documentSchema": "{\"type\": \"record\"}",
                 "documentSchemaType": "AVRO", "keySchema": "\"string\"", "keySchemaType": "AVRO"}},
             "fields": [
               {"fieldPath": "user_id", "jsonPath": "$.user_id", "nullable": false, "description": "The user",
                "label": "User", "created": <<Stamp>>, "lastModified": <<Stamp>>,
                "type": {"type": {"com.linkedin.schema.StringType": {}}}, "nativeDataType": "string", "recursive": false,
                "globalTags": <<Tags>>, "glossaryTerms": <<Terms>>, "isPartOfKey": true, "isPartitioningKey": false,
                "jsonProps": "{\"pii\": true}"},
               {"fieldPath": "events", "nullable": true, "type": {"type": {"com.linkedin.schema.ArrayType": {"nestedType": ["string"]}}},
                "nativeDataType": "array<string>"},
               {"fieldPath": "attributes", "nullable": true,
                "type": {"type": {"com.linkedin.schema.MapType": {"keyType": "string", "valueType": "int"}}},
                "nativeDataType": "map<string,int>"},
               {"fieldPath": "payload", "nullable": true,
                "type": {"type": {"com.linkedin.schema.UnionType": {"nestedTypes": ["string", "long"]}}},
                "nativeDataType": "union<string,bigint>"}],
             "primaryKeys": ["user_id"],
             "foreignKeysSpecs": {"fk_user": {"foreignKey": {"com.linkedin.schema.DatasetFieldForeignKey": {
                 "parentDataset": "<<OtherDataset>>", "currentFieldPaths": ["user_id"], "parentField": "user_id"}}},
               "fk_owner": {"foreignKey": {"com.linkedin.schema.UrnForeignKey": {"currentFieldPath": "owner"}}}},
             "foreignKeys": [{"name": "fk_user", "foreignFields": ["<<UpstreamUserIdField>>"],
                              "sourceFields": ["<<UserIdField>>"], "foreignDataset": "<<OtherDataset>>"}]}
            """),
        new("editableSchemaMetadata", "dataset", """
            {"created": <<Stamp>>, "lastModified": <<Stamp>>, "deleted": <<Stamp>>,
             "editableSchemaFieldInfo": [{"fieldPath": "user_id", "description": "Edited in the UI",
                                          "globalTags": <<Tags>>, "glossaryTerms": <<Terms>>}]}
            """),
        new("viewProperties", "dataset", """
            {"materialized": false, "viewLogic": "CREATE VIEW v AS SELECT * FROM bet",
             "formattedViewLogic": "CREATE VIEW v AS\nSELECT *\nFROM bet", "viewLanguage": "SQL"}
            """),
        new("siblings", "dataset", """{"siblings": ["<<OtherDataset>>"], "primary": false}"""),
    ];
}
