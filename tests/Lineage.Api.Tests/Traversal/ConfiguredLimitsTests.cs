using System.Net;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Traversal;

/// <summary>
/// <c>Lineage:Traversal:MaxHops</c> 4 and <c>MaxNodes</c> 5 configured: the 400s name the configured ranges, lineage
/// and impact stop at the node cap and say truncated, and the path search stops at the level that reaches its target.
/// </summary>
public abstract class ConfiguredLimitsTests<TFactory>(TFactory factory) : IClassFixture<TFactory> where TFactory : CappedTraversalFactory
{
    private readonly DataHubWire _gms = new(factory.CreateClient());
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    private string Dataset(string name) => $"urn:li:dataset:(urn:li:dataPlatform:hive,{name}_{_run},PROD)";
    private string Feature(string name) => $"urn:li:mlFeature:(users_{_run},{name})";
    private string Model(string name) => $"urn:li:mlModel:(urn:li:dataPlatform:mlflow,{name}_{_run},PROD)";
    private string Job(string name) => $"urn:li:dataJob:(urn:li:dataFlow:(airflow,{name}_{_run},PROD),run)";

    [Theory]
    [InlineData("/api/v1/lineage?urn={urn}&maxHops=5", "maxHops", "from 1 to 4")]
    [InlineData("/api/v1/impact?urn={urn}&maxHops=5", "maxHops", "from 1 to 4")]
    [InlineData("/api/v1/lineage/path?from={urn}&to={urn}&maxHops=5", "maxHops", "from 1 to 4")]
    [InlineData("/api/v1/lineage?urn={urn}&limit=6", "limit", "from 1 to 5")]
    [InlineData("/api/v1/impact?urn={urn}&count=6", "count", "from 0 to 5")]
    public async Task past_the_configured_maximum_is_a_400_naming_the_configured_range(string url, string path, string range)
    {
        var response = await _gms.Http.GetAsync(url.Replace("{urn}", Q(Dataset("any"))));

        var error = await DataHubWire.ErrorAsync(response, HttpStatusCode.BadRequest);
        error["path"]!.GetValue<string>().ShouldBe(path);
        error["message"]!.GetValue<string>().ShouldContain(range);
        (await _gms.Http.GetAsync(url.Replace("{urn}", Q(Dataset("any"))).Replace("=5", "=4").Replace("=6", "=5")))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_lineage_answer_without_a_limit_stops_at_the_node_cap_and_says_truncated()
    {
        var (hub, features) = await WriteHubAsync(6);

        var answer = await GetAsync($"/api/v1/lineage?urn={Q(hub)}&direction=downstream");

        // Five nodes, the root among them: the four smallest features.
        Urns(answer["nodes"]!).ShouldBe(features.Take(4));
        answer["truncated"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task an_impact_past_the_node_cap_keeps_the_nearest_and_says_truncated()
    {
        var (hub, features) = await WriteHubAsync(6);

        var report = await GetAsync($"/api/v1/impact?urn={Q(hub)}");

        Urns(report["affected"]!, "entity").ShouldBe(features.Take(4));
        report["total"]!.GetValue<int>().ShouldBe(4);
        report["countsByType"]!["mlFeature"]!.GetValue<int>().ShouldBe(4);
        report["truncated"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task an_impact_walks_the_configured_hops_by_default_and_is_whole_when_it_holds_exactly_the_cap()
    {
        // dataset → feature → model → job → output → a feature of the output: five hops.
        var (source, feature, model, job, output, late) =
            (Dataset("source"), Feature("age"), Model("churn"), Job("score"), Dataset("output"), Feature("late"));
        await _gms.UpsertAsync(feature, "mlFeatureProperties", new JsonObject { ["sources"] = new JsonArray(source) });
        await _gms.UpsertAsync(model, "mlModelProperties", new JsonObject
        {
            ["mlFeatures"] = new JsonArray(feature),
            ["downstreamJobs"] = new JsonArray(job),
        });
        await _gms.UpsertAsync(job, "dataJobInputOutput", new JsonObject { ["inputDatasets"] = new JsonArray(), ["outputDatasets"] = new JsonArray(output) });
        await _gms.UpsertAsync(late, "mlFeatureProperties", new JsonObject { ["sources"] = new JsonArray(output) });

        var report = await GetAsync($"/api/v1/impact?urn={Q(source)}");

        Urns(report["affected"]!, "entity").ShouldBe([feature, model, job, output]);
        report["truncated"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task a_path_search_stops_at_the_level_that_reaches_the_target()
    {
        // The target is one hop from the hub; the hub's other features each lead on to a model.
        var (hub, features) = await WriteHubAsync(4);
        for (var i = 1; i < features.Count; i++)
            await _gms.UpsertAsync(Model($"m{i}"), "mlModelProperties", new JsonObject { ["mlFeatures"] = new JsonArray(features[i]) });
        var before = factory.Store.UrnsWalked;

        var answer = await GetAsync($"/api/v1/lineage/path?from={Q(hub)}&to={Q(features[0])}");

        answer["direction"]!.GetValue<string>().ShouldBe("downstream");
        answer["path"]!["hops"]!.GetValue<int>().ShouldBe(1);
        // The hub's four features and nothing beyond them: no model, and nothing upstream.
        (factory.Store.UrnsWalked - before).ShouldBe(4);
    }

    [Fact]
    public async Task a_path_search_that_meets_the_node_cap_before_the_target_says_a_longer_path_may_exist()
    {
        var (hub, features) = await WriteHubAsync(6);
        var model = Model("late");
        await _gms.UpsertAsync(model, "mlModelProperties", new JsonObject { ["mlFeatures"] = new JsonArray(features[0]) });

        var response = await _gms.Http.GetAsync($"/api/v1/lineage/path?from={Q(hub)}&to={Q(model)}");

        var message = (await DataHubWire.ErrorAsync(response, HttpStatusCode.NotFound))["message"]!.GetValue<string>();
        message.ShouldContain("Lineage:Traversal:MaxNodes");
        message.ShouldContain("a longer path may exist");
    }

    /// <summary>A dataset with <paramref name="count"/> features derived from it, returned in urn order.</summary>
    private async Task<(string Hub, List<string> Features)> WriteHubAsync(int count)
    {
        var hub = Dataset("hub");
        await _gms.UpsertAsync(hub, "datasetProperties", new JsonObject { ["name"] = "hub" });
        var features = Enumerable.Range(0, count).Select(i => Feature($"f{i}_{Guid.NewGuid().ToString("N")[..8]}")).Order(StringComparer.Ordinal).ToList();
        foreach (var feature in features)
            await _gms.UpsertAsync(feature, "mlFeatureProperties", new JsonObject { ["sources"] = new JsonArray(hub) });
        return (hub, features);
    }

    private static string Q(string urn) => Uri.EscapeDataString(urn);

    private async Task<JsonObject> GetAsync(string pathAndQuery) =>
        await DataHubWire.ReadObjectAsync(await _gms.Http.GetAsync(pathAndQuery));

    private static List<string> Urns(JsonNode list, string? inside = null) =>
        [.. list.AsArray().Select(n => (inside is null ? n! : n![inside]!)["urn"]!.GetValue<string>())];
}

public sealed class sqlite_configured_limits(SqliteCappedTraversalFactory factory) : ConfiguredLimitsTests<SqliteCappedTraversalFactory>(factory);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_configured_limits(Neo4jCappedTraversalFactory factory) : ConfiguredLimitsTests<Neo4jCappedTraversalFactory>(factory);
