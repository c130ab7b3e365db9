using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Connectors;

/// <summary>
/// Issue 19: what DataHub's ML connectors (MLflow, SageMaker, Vertex AI, Feast, Unity Catalog's models) write, from DataHub's own golden files
/// (Fixtures/SOURCES.md), replayed as the <c>datahub-rest</c> sink sends it. Every refusal, difference and missing edge
/// of a file is listed in one failure. The files hold fixed URNs; replaying a file again changes nothing, and each
/// test asserts only on what its file writes.
/// </summary>
public abstract class ConnectorReplayTests(LineageApiFactory factory)
{
    private readonly DataHubWire _gms = new(factory.CreateClient());

    private static readonly string[] Names = ["mlflow", "sagemaker", "vertexai", "feast", "unity"];

    public static TheoryData<string> Connectors => [.. Names];

    [Theory]
    [MemberData(nameof(Connectors))]
    public async Task every_entry_of_the_golden_file_is_accepted_one_request_at_a_time(string connector)
    {
        var refusals = await ConnectorReplay.SendAsync(_gms, ConnectorReplay.OneByOne(File(connector)));

        FailIfAny(connector, "refusals (SYNC mode, one request per entry)", refusals);
    }

    [Theory]
    [MemberData(nameof(Connectors))]
    public async Task every_entry_of_the_golden_file_is_accepted_in_the_sinks_batch_mode(string connector)
    {
        var refusals = await ConnectorReplay.SendAsync(_gms, ConnectorReplay.Batched(File(connector)));

        FailIfAny(connector, "refusals (ASYNC_BATCH mode, ingestProposalBatch)", refusals);
    }

    [Theory]
    [MemberData(nameof(Connectors))]
    public async Task every_aspect_of_the_golden_file_reads_back_unchanged(string connector)
    {
        var file = File(connector);
        await ConnectorReplay.SendAsync(_gms, ConnectorReplay.OneByOne(file));

        FailIfAny(connector, "aspects that do not read back as written", await ConnectorReadBack.DifferencesAsync(_gms, ConnectorReplay.Aspects(file)));
    }

    [Theory]
    [MemberData(nameof(Connectors))]
    public async Task the_relationships_datahub_derives_from_the_golden_file_are_present(string connector)
    {
        await ConnectorReplay.SendAsync(_gms, ConnectorReplay.OneByOne(File(connector)));

        FailIfAny(connector, "missing relationships", await ConnectorReadBack.MissingEdgesAsync(_gms, Edges(connector)));
    }

    [Fact]
    public void the_golden_files_hold_every_entry_copied_and_every_snapshot_aspect_has_its_datahub_name()
    {
        Names.Select(c => (c, File(c).Entries.Count, ConnectorReplay.Aspects(File(c)).Count))
            .ShouldBe([("mlflow", 33, 33), ("sagemaker", 55, 78), ("vertexai", 64, 64), ("feast", 11, 22), ("unity", 88, 88)]);
    }

    [Fact]
    public async Task a_unity_catalog_views_column_walks_upstream_to_the_tables_column()
    {
        await ConnectorReplay.SendAsync(_gms, ConnectorReplay.OneByOne(File("unity")));
        var (view, bet) = (ConnectorEdges.Databricks("hive_metastore.bronze_kambi.view1"), ConnectorEdges.Databricks("hive_metastore.bronze_kambi.bet"));

        var graph = await LineageAsync(ConnectorEdges.Column(view, "betStatusId"), "upstream");

        graph["root"]!["urn"]!.GetValue<string>().ShouldBe(ConnectorEdges.Column(view, "betStatusId"));
        Nodes(graph).ShouldBe([(ConnectorEdges.Column(bet, "betStatusId"), 1)]);
    }

    [Fact]
    public async Task by_entity_the_unity_catalog_view_walks_upstream_to_the_table_and_shows_no_column()
    {
        await ConnectorReplay.SendAsync(_gms, ConnectorReplay.OneByOne(File("unity")));
        var (view, bet) = (ConnectorEdges.Databricks("hive_metastore.bronze_kambi.view1"), ConnectorEdges.Databricks("hive_metastore.bronze_kambi.bet"));

        var graph = await LineageAsync(view, "upstream", "&granularity=entity");

        Nodes(graph).ShouldBe([(bet, 1)]);
        graph["edges"]!.AsArray().ShouldNotContain(e => e!.ToJsonString().Contains("urn:li:schemaField:"));
    }

    private async Task<JsonObject> LineageAsync(string urn, string direction, string more = "") =>
        await DataHubWire.ReadObjectAsync(await _gms.Send(HttpMethod.Get, $"/api/v1/lineage?urn={DataHubWire.Quote(urn)}&direction={direction}{more}"));

    /// <summary>A lineage answer's nodes (the root is apart) with their hop count.</summary>
    private static List<(string, int)> Nodes(JsonObject graph) =>
        [.. graph["nodes"]!.AsArray().Select(n => (n!["urn"]!.GetValue<string>(), n["degree"]!.GetValue<int>())).OrderBy(n => n.Item2).ThenBy(n => n.Item1, StringComparer.Ordinal)];

    private static DataHubFile File(string connector) => connector switch
    {
        "mlflow" => DataHubFile.Load("Connectors", "Fixtures", "mlflow", "mlflow_mcps_golden.json"),
        "sagemaker" => DataHubFile.Load("Connectors", "Fixtures", "sagemaker", "sagemaker_mces_golden.json"),
        "vertexai" => DataHubFile.Load("Connectors", "Fixtures", "vertexai", "vertexai_mcps_golden.json"),
        "feast" => DataHubFile.Load("Connectors", "Fixtures", "feast", "feast_repository_mces_golden.json"),
        "unity" => DataHubFile.Load("Connectors", "Fixtures", "unity", "unity_catalog_ml_model_mces_golden.json"),
        _ => throw new ArgumentOutOfRangeException(nameof(connector), connector, null),
    };

    private static IReadOnlyList<ExpectedEdge> Edges(string connector) => connector switch
    {
        "mlflow" => ConnectorEdges.Mlflow,
        "sagemaker" => ConnectorEdges.Sagemaker,
        "vertexai" => ConnectorEdges.Vertexai,
        "feast" => ConnectorEdges.Feast,
        "unity" => ConnectorEdges.Unity,
        _ => throw new ArgumentOutOfRangeException(nameof(connector), connector, null),
    };

    private static void FailIfAny<T>(string connector, string what, IReadOnlyList<T> found)
    {
        if (found.Count > 0)
            throw new Xunit.Sdk.XunitException($"{connector}: {found.Count} {what}:\n" + string.Join("\n", found));
    }
}

[Collection(SqliteApiCollection.Name)]
public sealed class sqlite_connector_replay(SqliteApiFactory factory) : ConnectorReplayTests(factory);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_connector_replay(Neo4jApiFactory factory) : ConnectorReplayTests(factory);
