using System.Net;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Traversal;

/// <summary>
/// Column lineage over HTTP, as a client writes it: two datasets with fine-grained lineage, a feature built from one
/// column and a model using it. <c>granularity</c> on lineage, impact and path; the REST answers carry the mappings.
/// </summary>
public abstract class ColumnLineageApiTests(LineageApiFactory factory)
{
    private readonly DataHubWire _gms = new(factory.CreateClient());
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    private string Users => $"urn:li:dataset:(urn:li:dataPlatform:hive,users_{_run},PROD)";
    private string Daily => $"urn:li:dataset:(urn:li:dataPlatform:hive,user_daily_{_run},PROD)";
    private string Feature => $"urn:li:mlFeature:(users_{_run},country)";
    private string Model => $"urn:li:mlModel:(urn:li:dataPlatform:mlflow,churn_{_run},PROD)";
    private static string Column(string dataset, string field) => $"urn:li:schemaField:({dataset},{field})";

    private async Task WriteAsync()
    {
        await _gms.UpsertAsync(Daily, "upstreamLineage", JsonNode.Parse($$"""
            {"upstreams": [{"dataset": "{{Users}}", "type": "TRANSFORMED"}],
             "fineGrainedLineages": [
               {"upstreamType": "FIELD_SET", "upstreams": ["{{Column(Users, "country")}}"],
                "downstreamType": "FIELD", "downstreams": ["{{Column(Daily, "country")}}"],
                "transformOperation": "UPPER", "confidenceScore": 0.8},
               {"upstreamType": "FIELD_SET", "upstreams": ["{{Column(Users, "user_id")}}"],
                "downstreamType": "FIELD", "downstreams": ["{{Column(Daily, "user_id")}}"]}]}
            """)!);
        await _gms.UpsertAsync(Feature, "mlFeatureProperties", new JsonObject { ["sources"] = new JsonArray(Column(Daily, "country")) });
        await _gms.UpsertAsync(Model, "mlModelProperties", new JsonObject { ["mlFeatures"] = new JsonArray(Feature) });
        await _gms.UpsertAsync(Model, "ownership", JsonNode.Parse("""{"owners": [{"owner": "urn:li:corpuser:ada", "type": "DATAOWNER"}]}""")!);
    }

    [Fact]
    public async Task a_columns_downstream_is_exactly_what_names_it_with_the_mapping_on_the_column_edge()
    {
        await WriteAsync();

        var answer = await GetAsync($"/api/v1/lineage?urn={Q(Column(Users, "country"))}&direction=downstream&maxHops=5");

        answer["root"]!["urn"]!.GetValue<string>().ShouldBe(Column(Users, "country"));
        Urns(answer["nodes"]!).ShouldBe([Column(Daily, "country"), Feature, Model]);
        var edge = answer["edges"]!.AsArray().Single(e => e!["source"]!.GetValue<string>() == Column(Daily, "country"));
        edge!["target"]!.GetValue<string>().ShouldBe(Column(Users, "country"));
        edge["mapping"]!["transformOperation"]!.GetValue<string>().ShouldBe("UPPER");
        edge["mapping"]!["confidenceScore"]!.GetValue<double>().ShouldBe(0.8);
    }

    [Fact]
    public async Task the_models_upstream_by_column_reaches_the_first_datasets_column_and_by_entity_its_datasets()
    {
        await WriteAsync();

        var byColumn = await GetAsync($"/api/v1/lineage?urn={Q(Model)}&direction=upstream&maxHops=5&granularity=column");
        var byEntity = await GetAsync($"/api/v1/lineage?urn={Q(Model)}&direction=upstream&maxHops=5");

        Urns(byColumn["nodes"]!).ShouldBe([Feature, Column(Daily, "country"), Column(Users, "country")]);
        Urns(byEntity["nodes"]!).ShouldBe([Feature, Daily, Users]);
        byEntity["edges"]!.AsArray().ShouldAllBe(e => !e!["source"]!.GetValue<string>().StartsWith("urn:li:schemaField") && e["mapping"] == null);
    }

    [Fact]
    public async Task a_columns_impact_lists_the_feature_and_model_it_reaches_and_their_owner()
    {
        await WriteAsync();

        var report = await GetAsync($"/api/v1/impact?urn={Q(Column(Users, "country"))}&entityTypes=mlFeature,mlModel");

        report["affected"]!.AsArray().Select(a => a!["entity"]!["urn"]!.GetValue<string>()).ShouldBe([Feature, Model]);
        report["owners"]![0]!["owner"]!.GetValue<string>().ShouldBe("urn:li:corpuser:ada");
        report["owners"]![0]!["entities"]!.AsArray().Select(e => e!.GetValue<string>()).ShouldBe([Model]);
    }

    [Fact]
    public async Task a_path_from_a_column_goes_column_to_column_and_by_entity_dataset_to_dataset()
    {
        await WriteAsync();

        var byColumn = await GetAsync($"/api/v1/lineage/path?from={Q(Column(Users, "country"))}&to={Q(Model)}");
        var byEntity = await GetAsync($"/api/v1/lineage/path?from={Q(Users)}&to={Q(Model)}&granularity=entity");

        byColumn["path"]!["urns"]!.AsArray().Select(u => u!.GetValue<string>())
            .ShouldBe([Column(Users, "country"), Column(Daily, "country"), Feature, Model]);
        byEntity["path"]!["urns"]!.AsArray().Select(u => u!.GetValue<string>()).ShouldBe([Users, Daily, Feature, Model]);
    }

    [Theory]
    [InlineData("/api/v1/lineage?urn={urn}&granularity=field")]
    [InlineData("/api/v1/impact?urn={urn}&granularity=field")]
    [InlineData("/api/v1/lineage/path?from={urn}&to={urn}&granularity=field")]
    public async Task an_unknown_granularity_is_a_400_naming_it(string url)
    {
        var response = await _gms.Http.GetAsync(url.Replace("{urn}", Q(Users)));

        var error = await DataHubWire.ErrorAsync(response, HttpStatusCode.BadRequest);
        error["path"]!.GetValue<string>().ShouldBe("granularity");
        error["message"]!.GetValue<string>().ShouldContain("entity or column");
    }

    private async Task<JsonObject> GetAsync(string url)
    {
        var response = await _gms.Http.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await DataHubWire.ReadObjectAsync(response);
    }

    private static List<string> Urns(JsonNode nodes) => [.. nodes.AsArray().Select(n => n!["urn"]!.GetValue<string>())];

    private static string Q(string urn) => DataHubWire.Quote(urn);
}

[Collection(SqliteApiCollection.Name)]
public sealed class sqlite_column_lineage_api(SqliteApiFactory factory) : ColumnLineageApiTests(factory);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_column_lineage_api(Neo4jApiFactory factory) : ColumnLineageApiTests(factory);
