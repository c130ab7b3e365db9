namespace Lineage.Graph.Tests.Registry.Examples;

// The aspects of flows, jobs and their runs (JobAspects.cs): com.linkedin.datajob.*, com.linkedin.dataprocess.*.
internal static partial class MaximalExamples
{
    private static MaximalExample[] JobExamples =>
    [
        new("dataFlowInfo", "dataFlow", """
            {"customProperties": {"schedule": "@daily"}, "externalUrl": "https://airflow.example.com/dags/train",
             "name": "train_recommendation_model", "description": "Trains the recommender", "project": "recs",
             "created": <<When>>, "lastModified": <<When>>, "env": "PROD"}
            """),
        new("editableDataFlowProperties", "dataFlow", """
            {"created": <<Stamp>>, "lastModified": <<Stamp>>, "deleted": <<Stamp>>, "description": "Edited in the UI"}
            """),
        // type is union[AzkabanJobType, string]: wrapped by "string" (or by the enum's full name).
        new("dataJobInfo", "dataJob", """
            {"customProperties": {"operator": "PythonOperator"}, "externalUrl": "https://airflow.example.com/dags/train/training_task",
             "name": "training_task", "description": "Fits the model", "type": {"string": "PYTHON"},
             "flowUrn": "urn:li:dataFlow:(airflow,train_recommendation_model,PROD)",
             "created": <<When>>, "lastModified": <<When>>, "status": "COMPLETED", "env": "PROD"}
            """),
        new("dataTransformLogic", "dataJob", """
            {"transforms": [{"queryStatement": {"value": "SELECT * FROM users", "language": "SQL"}}]}
            """),
        new("dataJobInputOutput", "dataJob", """
            {"inputDatasets": ["<<OtherDataset>>"], "inputDatasetEdges": [<<OtherDatasetEdge>>],
             "outputDatasets": ["<<Dataset>>"], "outputDatasetEdges": [<<DatasetEdge>>],
             "inputDatajobs": ["<<UpstreamJob>>"], "inputDatajobEdges": [<<JobEdge>>],
             "inputDatasetFields": ["<<UpstreamUserIdField>>"], "outputDatasetFields": ["<<UserIdField>>"],
             "fineGrainedLineages": [<<FineGrainedLineage>>]}
            """),
        new("editableDataJobProperties", "dataJob", """
            {"created": <<Stamp>>, "lastModified": <<Stamp>>, "deleted": <<Stamp>>, "description": "Edited in the UI"}
            """),
        new("dataProcessInstanceProperties", "dataProcessInstance", """
            {"customProperties": {"try_number": "1"}, "externalUrl": "https://airflow.example.com/runs/42",
             "name": "run-42", "type": "BATCH_SCHEDULED", "created": <<Stamp>>}
            """),
        new("dataProcessInstanceInput", "dataProcessInstance", """
            {"inputs": ["<<OtherDataset>>"], "inputEdges": [<<OtherDatasetEdge>>]}
            """),
        new("dataProcessInstanceOutput", "dataProcessInstance", """
            {"outputs": ["<<Dataset>>", "urn:li:mlModel:(urn:li:dataPlatform:mlflow,recommendation-model,PROD)"],
             "outputEdges": [<<DatasetEdge>>]}
            """),
        new("dataProcessInstanceRelationships", "dataProcessInstance", """
            {"parentTemplate": "<<Job>>", "parentInstance": "urn:li:dataProcessInstance:dag-run-7",
             "upstreamInstances": ["urn:li:dataProcessInstance:run-41"]}
            """),
        new("dataProcessInstanceRunEvent", "dataProcessInstance", """
            {"timestampMillis": 1718000000000, "eventGranularity": {"unit": "HOUR", "multiple": 1},
             "partitionSpec": {"type": "PARTITION", "partition": "2024-06-10",
                               "timePartition": {"startTimeMillis": 1717977600000, "length": {"unit": "DAY", "multiple": 1}}},
             "messageId": "run-42-complete", "externalUrl": "https://airflow.example.com/runs/42",
             "status": "COMPLETE", "attempt": 1, "result": {"type": "SUCCESS", "nativeResultType": "airflow"},
             "durationMillis": 3600000}
            """),
    ];
}
