namespace Lineage.Graph.Tests.Registry.Examples;

// The ML properties aspects (MlAspects.cs): com.linkedin.ml.metadata.* and versionProperties.
internal static partial class MaximalExamples
{
    private static MaximalExample[] MlExamples =>
    [
        // hasOffline / hasOnline are from older PDL versions; the registry keeps them, so old clients' values are accepted.
        new("mlFeatureProperties", "mlFeature", """
            {"customProperties": {"owner_team": "recommendations"}, "description": "Age of the user in years",
             "dataType": "CONTINUOUS", "version": <<Version>>, "sources": ["<<Dataset>>"],
             "hasOffline": true, "hasOnline": false}
            """),
        new("mlPrimaryKeyProperties", "mlPrimaryKey", """
            {"customProperties": {"format": "uuid"}, "description": "The user's id", "dataType": "TEXT",
             "version": <<Version>>, "sources": ["<<Dataset>>", "<<OtherDataset>>"], "hasOffline": true, "hasOnline": true}
            """),
        new("mlFeatureTableProperties", "mlFeatureTable", """
            {"customProperties": {"store": "redis"}, "description": "Features of users",
             "mlFeatures": ["urn:li:mlFeature:(users,age)", "urn:li:mlFeature:(users,country)"],
             "mlPrimaryKeys": ["urn:li:mlPrimaryKey:(users,user_id)"]}
            """),
        new("mlModelProperties", "mlModel", """
            {"customProperties": {"framework": "pytorch"}, "externalUrl": "https://mlflow.example.com/models/recs/3",
             "trainingJobs": ["<<Job>>", "<<Run>>"],
             "downstreamJobs": ["urn:li:dataJob:(urn:li:dataFlow:(airflow,score_users,PROD),score)"],
             "name": "Recommendation model", "description": "Ranks items for a user", "date": 1718000000000,
             "created": <<When>>, "lastModified": {"time": 1718100000000},
             "version": <<Version>>, "type": "Gradient boosted trees",
             "hyperParameters": {"learning_rate": {"double": 0.1}, "epochs": {"int": 10}, "dropout": {"float": 0.5},
                                 "optimizer": {"string": "adam"}, "early_stopping": {"boolean": true}},
             "hyperParams": [{"name": "learning_rate", "description": "step size", "value": "0.1", "createdAt": 1718000000000}],
             "trainingMetrics": [{"name": "auc", "description": "area under the ROC curve", "value": "0.91", "createdAt": 1718000000000}],
             "onlineMetrics": [{"name": "ctr", "description": "click-through rate", "value": "0.034", "createdAt": 1718100000000}],
             "mlFeatures": ["urn:li:mlFeature:(users,age)"], "tags": ["ranking", "gbdt"],
             "deployments": ["urn:li:mlModelDeployment:(urn:li:dataPlatform:sagemaker,recs-endpoint,PROD)"],
             "groups": ["urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,recommendation-models,PROD)"]}
            """),
        // externalUrl: model.md lists it; the PDL read has no ExternalReference on model groups.
        new("mlModelGroupProperties", "mlModelGroup", """
            {"customProperties": {"framework": "pytorch"}, "trainingJobs": ["<<Job>>"], "downstreamJobs": ["<<Run>>"],
             "name": "Recs", "description": "All recommendation models", "createdAt": 1718000000000,
             "created": <<When>>, "lastModified": <<When>>, "version": <<Version>>,
             "externalUrl": "https://mlflow.example.com/models/recs"}
            """),
        new("mlModelDeploymentProperties", "mlModelDeployment", """
            {"customProperties": {"instance_type": "ml.m5.large"}, "externalUrl": "https://console.aws.example.com/sagemaker/recs",
             "description": "Live endpoint", "createdAt": 1718000000000, "version": <<Version>>, "status": "IN_SERVICE"}
            """),
        new("mlTrainingRunProperties", "dataProcessInstance", """
            {"customProperties": {"git_sha": "4f2a9c"}, "externalUrl": "https://mlflow.example.com/runs/42",
             "id": "run-42", "outputUrls": ["s3://models/recs/3"],
             "hyperParams": [{"name": "epochs", "description": "passes over the data", "value": "10", "createdAt": 1718000000000}],
             "trainingMetrics": [{"name": "loss", "description": "final loss", "value": "0.12", "createdAt": 1718000000000}]}
            """),
        new("editableMlModelProperties", "mlModel", """{"description": "Edited in the UI"}"""),
        new("editableMlModelGroupProperties", "mlModelGroup", """{"description": "Edited in the UI"}"""),
        new("editableMlFeatureProperties", "mlFeature", """{"description": "Edited in the UI"}"""),
        new("editableMlFeatureTableProperties", "mlFeatureTable", """{"description": "Edited in the UI"}"""),
        new("editableMlPrimaryKeyProperties", "mlPrimaryKey", """{"description": "Edited in the UI"}"""),
        new("versionProperties", "mlModel", """
            {"versionSet": "urn:li:versionSet:(recommendation-models,mlModel)", "version": <<Version>>,
             "aliases": [{"versionTag": "champion"}, {"versionTag": "challenger"}], "comment": "Retrained on June data",
             "sortId": "00000003", "versioningScheme": "LEXICOGRAPHIC_STRING",
             "sourceCreatedTimestamp": <<Stamp>>, "metadataCreatedTimestamp": <<Stamp>>, "isLatest": true}
            """),
    ];

    // The model-card aspects (MlModelCardAspects.cs).
    private static MaximalExample[] ModelCardExamples =>
    [
        new("intendedUse", "mlModel", """
            {"primaryUses": ["Ranking home-page items"], "primaryUsers": ["ENTERPRISE", "HOBBY"],
             "outOfScopeUses": ["Credit decisions"]}
            """),
        new("mlModelFactorPrompts", "mlModel", """
            {"relevantFactors": [{"groups": ["new users"], "instrumentation": ["mobile app"], "environment": ["EU"]}],
             "evaluationFactors": [{"groups": ["returning users"], "instrumentation": ["web"], "environment": ["US"]}]}
            """),
        new("mlModelMetrics", "mlModel", """{"performanceMeasures": ["AUC", "NDCG@10"], "decisionThreshold": ["0.5"]}"""),
        new("mlModelEvaluationData", "mlModel", """
            {"evaluationData": [{"dataset": "<<Dataset>>", "motivation": "Held-out week", "preProcessing": ["dedupe"]}]}
            """),
        new("mlModelTrainingData", "mlModel", """
            {"trainingData": [{"dataset": "<<OtherDataset>>", "motivation": "Three months of clicks", "preProcessing": ["sessionise", "dedupe"]}]}
            """),
        // ResultsType is union[string]: a one-member union, still wrapped on the wire.
        new("mlModelQuantitativeAnalyses", "mlModel", """
            {"unitaryResults": {"string": "https://dash.example.com/recs/unitary"},
             "intersectionalResults": {"string": "https://dash.example.com/recs/intersectional"}}
            """),
        new("mlModelEthicalConsiderations", "mlModel", """
            {"data": ["No protected attributes"], "humanLife": ["None"], "mitigations": ["Popularity debiasing"],
             "risksAndHarms": ["Filter bubbles"], "useCases": ["Children's accounts"]}
            """),
        new("mlModelCaveatsAndRecommendations", "mlModel", """
            {"caveats": {"needsFurtherTesting": true, "caveatDescription": "Cold-start users under-represented",
                         "groupsNotRepresented": ["users under 18"]},
             "recommendations": "Retrain monthly", "idealDatasetCharacteristics": ["Balanced across regions"]}
            """),
        new("sourceCode", "mlModel", """
            {"sourceCode": [{"type": "ML_MODEL_SOURCE_CODE", "sourceCodeUrl": "https://git.example.com/recs/model"},
                            {"type": "TRAINING_PIPELINE_SOURCE_CODE", "sourceCodeUrl": "https://git.example.com/recs/train"}]}
            """),
        // CostValue is union[costId: double, costCode: string]: members are keyed by their aliases.
        new("cost", "mlModel", """{"costType": "ORG_COST_TYPE", "cost": {"costCode": "CC-1234"}}"""),
        // The versionSet entity, as DataHub's version-linking writes it.
        new("versionSetProperties", "versionSet", """
            {"customProperties": {"source": "mlflow"}, "latest": "urn:li:mlModel:(urn:li:dataPlatform:mlflow,recommendations_3,PROD)",
             "versioningScheme": "ALPHANUMERIC_GENERATED_BY_DATAHUB"}
            """),
        // MLflow writes one per run user; value is PDL's SerializedValue (bytes as a string).
        new("platformResourceInfo", "platformResource", """
            {"resourceType": "user", "primaryKey": "data_scientist", "secondaryKeys": ["ds@example.com"],
             "value": {"blob": "{\"name\": \"data_scientist\"}", "contentType": "JSON", "schemaType": "JSON",
                       "schemaRef": "mlflow.User"}}
            """),
    ];
}
