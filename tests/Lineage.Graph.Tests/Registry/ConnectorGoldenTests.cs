using System.Text.Json.Nodes;
using Lineage.Graph.Registry;
using Lineage.Graph.Storage;
using Lineage.Graph.Tests.Registry.Examples;
using Lineage.Graph.Tests.Sqlite;
using Lineage.Graph.Writing;

namespace Lineage.Graph.Tests.Registry;

/// <summary>
/// Aspect values DataHub's ML connectors emit, taken from their golden files in datahub-project/datahub
/// (mlflow_mcps_golden.json @00566ba, vertexai_mcps_golden.json @0337507, sagemaker_mces_golden.json @040e76d), each
/// accepted by the real registry on an entity of the type the connector writes it to.
/// </summary>
public sealed class ConnectorGoldenTests(SqliteStoreFixture fx) : IClassFixture<SqliteStoreFixture>
{
    private readonly MetadataWriter _writer = new(fx.Store, MetadataRegistry.Default);

    private static readonly (string Name, string Entity, string Aspect, string Json)[] Examples =
    [
        ("mlflow: a run user", "platformResource", "platformResourceInfo",
            """{"resourceType": "user", "primaryKey": "unknown"}"""),
        ("mlflow: a run user's status", "platformResource", "status", """{"removed": false}"""),
        ("mlflow: a run created by a platform resource", "dataProcessInstance", "dataProcessInstanceProperties",
            """{"customProperties": {}, "name": "test-run", "created": {"time": 1615443388097, "actor": "urn:li:platformResource:unknown"}}"""),
        ("mlflow: a run's output edges", "dataProcessInstance", "dataProcessInstanceOutput",
            """{"outputs": [], "outputEdges": [{"destinationUrn": "urn:li:mlModel:(urn:li:dataPlatform:mlflow,test-model_1,PROD)"}]}"""),
        ("mlflow: a run's experiment", "dataProcessInstance", "container",
            """{"container": "urn:li:container:e37dbaee9481246e0997d7d8fefd8815"}"""),
        ("mlflow: a model version", "mlModel", "versionProperties",
            """
            {"versionSet": "urn:li:versionSet:(658730e7177b283e4f94410fe4b41519,mlModel)",
             "version": {"versionTag": "1", "metadataAttribution": {"time": 1615443388097, "actor": "urn:li:corpuser:datahub", "sourceDetail": {}}},
             "aliases": [], "sortId": "0000000001", "versioningScheme": "LEXICOGRAPHIC_STRING"}
            """),
        ("vertexai: a training job's input edges", "dataProcessInstance", "dataProcessInstanceInput",
            """{"inputs": [], "inputEdges": [{"destinationUrn": "urn:li:dataset:(urn:li:dataPlatform:vertexai,test-project-id.dataset.2562882439508656128,PROD)"}]}"""),
        ("vertexai: a pipeline's project", "dataFlow", "container",
            """{"container": "urn:li:container:29746a9030349f4340ed74b46913dab6"}"""),
        ("vertexai: a pipeline task's project", "dataJob", "container",
            """{"container": "urn:li:container:29746a9030349f4340ed74b46913dab6"}"""),
        ("vertexai: a pipeline task's upstream task", "dataJob", "dataJobInputOutput",
            """
            {"inputDatasets": [], "outputDatasets": [], "fineGrainedLineages": [],
             "inputDatajobs": ["urn:li:dataJob:(urn:li:dataFlow:(vertexai,vertexai.test-project-id.pipeline.mock_pipeline_job,PROD),test-project-id.pipeline_task.concat)"]}
            """),
        ("sagemaker: a model deployed to an endpoint named by its ARN", "mlModel", "mlModelProperties",
            """{"deployments": ["urn:li:mlModelDeployment:(sagemaker,arn:aws:sagemaker:us-west-2:123412341234:endpoint/the-first-endpoint,PROD)"]}"""),
    ];

    public static TheoryData<string> Names => [.. Examples.Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task a_value_a_connector_emits_is_accepted(string name)
    {
        var (_, entity, aspect, json) = Examples.Single(e => e.Name == name);
        var urn = MaximalExamples.Mint(entity);

        var outcomes = await _writer.ApplyAsync(
            [new Proposal(null, urn, ChangeType.Upsert, aspect, JsonNode.Parse(json))], i => $"proposals[{i}]", "urn:li:corpuser:ingestion", CancellationToken.None);

        outcomes.Single().Effect.ShouldBe(WriteEffect.Created);
    }
}
