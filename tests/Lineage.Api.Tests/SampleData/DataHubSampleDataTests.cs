using System.Text.Json.Nodes;
using Lineage.Api.Tests.Connectors;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.SampleData;

/// <summary>
/// Issue 20: DataHub's own sample data (metadata-ingestion/examples/mce_files/bootstrap_mce.json, copied whole:
/// Connectors/Fixtures/SOURCES.md), read as DataHub's file source reads it and sent as its <c>datahub-rest</c> sink
/// sends it (<see cref="ConnectorReplay"/>). The column edges expected are computed from the file as sent
/// (<see cref="FineGrainedEdges"/>). The file holds fixed URNs, shared with the project's own sample data; replaying
/// it again changes nothing, and each test asserts only on what the file writes.
/// </summary>
public abstract class DataHubSampleDataTests(LineageApiFactory factory)
{
    private static readonly Lazy<DataHubFile> Sample =
        new(() => DataHubFile.LoadAvroJson("Connectors", "Fixtures", "bootstrap", "bootstrap_mce.json"));

    private readonly DataHubWire _gms = new(factory.CreateClient());

    private static string Hive(string name) => $"urn:li:dataset:(urn:li:dataPlatform:hive,{name},PROD)";

    private static readonly string Created = Hive("fct_users_created");
    private static readonly string Events = Hive("logging_events");

    [Fact]
    public async Task every_entry_of_datahubs_sample_data_is_accepted_one_request_at_a_time()
    {
        FailIfAny("refusals (SYNC mode, one request per entry)", await ConnectorReplay.SendAsync(_gms, ConnectorReplay.OneByOne(Sample.Value)));
    }

    [Fact]
    public async Task every_entry_of_datahubs_sample_data_is_accepted_in_the_sinks_batch_mode()
    {
        FailIfAny("refusals (ASYNC_BATCH mode)", await ConnectorReplay.SendAsync(_gms, ConnectorReplay.Batched(Sample.Value)));
    }

    [Fact]
    public async Task every_aspect_of_datahubs_sample_data_reads_back_as_the_client_sent_it()
    {
        await ConnectorReplay.SendAsync(_gms, ConnectorReplay.OneByOne(Sample.Value));

        FailIfAny("aspects that do not read back as sent", await ConnectorReadBack.DifferencesAsync(_gms, ConnectorReplay.Aspects(Sample.Value)));
    }

    [Fact]
    public async Task the_column_edges_datahub_derives_from_its_sample_data_are_present()
    {
        var written = ConnectorReplay.Aspects(Sample.Value);
        List<ExpectedEdge> expected = [.. FineGrainedEdges.FromHolders(written), .. FineGrainedEdges.ColumnToColumn(written)];
        await ConnectorReplay.SendAsync(_gms, ConnectorReplay.OneByOne(Sample.Value));

        expected.ShouldContain(new ExpectedEdge(Created, "DownstreamOf", Column(Created, "user_name")));
        FailIfAny("missing relationships", await ConnectorReadBack.MissingEdgesAsync(_gms, expected));
    }

    /// <summary>
    /// fct_users_created's only fine-grained entry names <c>upstreams</c> twice and no <c>downstreams</c>; read as
    /// Python reads it, the second list wins: the dataset's own user_name column is its upstream, and DataHub's
    /// UpdateIndicesService derives no column-to-column edge (it needs both lists).
    /// </summary>
    [Fact]
    public async Task datahubs_sample_data_gives_fct_users_created_no_column_to_column_edge_and_none_is_made()
    {
        var lineage = ConnectorReplay.Aspects(Sample.Value).Single(a => a.Urn == Created && a.AspectName == "upstreamLineage");
        await ConnectorReplay.SendAsync(_gms, ConnectorReplay.OneByOne(Sample.Value));

        JsonNode.DeepEquals(lineage.Value["fineGrainedLineages"], JsonNode.Parse($$"""
            [{"upstreamType": "FIELD_SET", "upstreams": ["{{Column(Created, "user_name")}}"], "downstreamType": "FIELD", "confidenceScore": 1.0}]
            """)).ShouldBeTrue(lineage.Value.ToJsonString());
        FineGrainedEdges.ColumnToColumn(ConnectorReplay.Aspects(Sample.Value)).ShouldBeEmpty();
        (await RelatedAsync(Column(Created, "user_name"), "OUTGOING")).ShouldBeEmpty();
        (await RelatedAsync(Column(Events, "event_data"), "INCOMING")).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_column_of_fct_users_created_has_no_upstream_and_by_entity_the_dataset_reaches_its_upstreams_without_columns()
    {
        await ConnectorReplay.SendAsync(_gms, ConnectorReplay.OneByOne(Sample.Value));

        var byColumn = await LineageAsync(Column(Created, "user_name"), "");
        var byEntity = await LineageAsync(Created, "&granularity=entity&maxHops=6");

        byColumn["root"]!["urn"]!.GetValue<string>().ShouldBe(Column(Created, "user_name"));
        Nodes(byColumn).ShouldBeEmpty();
        Nodes(byEntity).ShouldBe(new Dictionary<string, int>
        {
            [Events] = 1, ["urn:li:dataJob:(urn:li:dataFlow:(airflow,dag_abc,PROD),task_123)"] = 1,
            [Hive("SampleHiveDataset")] = 2, ["urn:li:dataset:(urn:li:dataPlatform:hdfs,SampleHdfsDataset,PROD)"] = 3,
            ["urn:li:dataset:(urn:li:dataPlatform:kafka,SampleKafkaDataset,PROD)"] = 4,
        }, ignoreOrder: true);
        byEntity["edges"]!.ToJsonString().ShouldNotContain("urn:li:schemaField:");
    }

    [Fact]
    public void the_sample_data_holds_every_entry_copied_and_every_snapshot_aspect_has_its_datahub_name()
    {
        (Sample.Value.Entries.Count, Sample.Value.Entries.Count(DataHubFile.IsSnapshot), ConnectorReplay.Aspects(Sample.Value).Count)
            .ShouldBe((94, 83, 151));
    }

    private static string Column(string dataset, string field) => $"urn:li:schemaField:({dataset},{field})";

    private async Task<List<string>> RelatedAsync(string urn, string direction)
    {
        var body = await DataHubWire.ReadObjectAsync(await _gms.Send(HttpMethod.Get,
            $"/relationships?direction={direction}&urn={DataHubWire.Quote(urn)}&types=List(DownstreamOf)"));
        return [.. body["relationships"]!.AsArray().Select(r => r!["entity"]!.GetValue<string>())];
    }

    private async Task<JsonObject> LineageAsync(string urn, string more) =>
        await DataHubWire.ReadObjectAsync(await _gms.Send(HttpMethod.Get, $"/api/v1/lineage?urn={DataHubWire.Quote(urn)}&direction=upstream{more}"));

    /// <summary>A lineage answer's nodes (the root is apart) by urn, with their hop count.</summary>
    private static Dictionary<string, int> Nodes(JsonObject graph) =>
        graph["nodes"]!.AsArray().ToDictionary(n => n!["urn"]!.GetValue<string>(), n => n!["degree"]!.GetValue<int>());

    private static void FailIfAny<T>(string what, IReadOnlyList<T> found)
    {
        if (found.Count > 0)
            throw new Xunit.Sdk.XunitException($"bootstrap_mce.json: {found.Count} {what}:\n" + string.Join("\n", found));
    }
}

[Collection(SqliteApiCollection.Name)]
public sealed class sqlite_datahub_sample_data(SqliteApiFactory factory) : DataHubSampleDataTests(factory);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_datahub_sample_data(Neo4jApiFactory factory) : DataHubSampleDataTests(factory);
