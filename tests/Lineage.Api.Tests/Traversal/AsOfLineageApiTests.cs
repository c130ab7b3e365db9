using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Traversal;

/// <summary>
/// Lineage, impact and path as of a moment (<c>asOf</c>), over HTTP on both stores. The history is written at known
/// times by importing versions: a feature table built from <c>raw_a</c>, rewired to <c>raw_c</c>, then its lineage
/// deleted; a model trained from it along the way.
/// </summary>
public abstract class AsOfLineageApiTests(LineageApiFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient();
    private readonly string _run = Guid.NewGuid().ToString("N")[..10];

    private string Dataset(string name) => $"urn:li:dataset:(urn:li:dataPlatform:hive,{_run}.{name},PROD)";

    private async Task WriteHistoryAsync()
    {
        JsonObject Entry(string urn, string aspect, string changeType, JsonObject? value, int version, long time)
        {
            var entry = new JsonObject
            {
                ["entityUrn"] = urn, ["changeType"] = changeType, ["aspectName"] = aspect,
                ["systemMetadata"] = new JsonObject
                {
                    ["version"] = $"{version}", ["aspectModified"] = new JsonObject { ["time"] = time, ["actor"] = "urn:li:corpuser:alice" },
                },
            };
            if (value is not null) entry["aspect"] = new JsonObject { ["json"] = value };
            return entry;
        }
        JsonObject Upstreams(params string[] names) => new()
        {
            ["upstreams"] = new JsonArray([.. names.Select(n => (JsonNode)new JsonObject
            {
                ["dataset"] = Dataset(n), ["type"] = "TRANSFORMED",
                ["auditStamp"] = new JsonObject { ["time"] = 0, ["actor"] = "urn:li:corpuser:alice" },
            })]),
        };
        var features = Dataset("features");
        var response = await _http.PostAsJsonAsync("/api/v1/import", new JsonObject
        {
            ["entries"] = new JsonArray(
                Entry(features, "upstreamLineage", "UPSERT", Upstreams("raw_a"), 1, 1000),
                Entry(Dataset("scores"), "upstreamLineage", "UPSERT", Upstreams("features"), 1, 1500),
                Entry(features, "upstreamLineage", "UPSERT", Upstreams("raw_c"), 2, 2000),
                Entry(features, "upstreamLineage", "DELETE", null, 2, 3000)),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["written"]!.GetValue<int>().ShouldBe(4);
    }

    [Fact]
    public async Task lineage_as_of_a_moment_follows_the_edges_current_then()
    {
        await WriteHistoryAsync();

        (await UpstreamOf("scores", "1200")).ShouldBeEmpty();
        (await UpstreamOf("scores", "1600")).ShouldBe(["features 1", "raw_a 2"]);
        (await UpstreamOf("scores", "1970-01-01T00:00:02.5Z")).ShouldBe(["features 1", "raw_c 2"]);
        (await UpstreamOf("scores", "3500")).ShouldBe(["features 1"]);
        (await UpstreamOf("scores", null)).ShouldBe(["features 1"]);
    }

    [Fact]
    public async Task impact_and_path_take_as_of_too()
    {
        await WriteHistoryAsync();
        var rawA = Uri.EscapeDataString(Dataset("raw_a"));

        var then = await _http.GetFromJsonAsync<JsonObject>($"/api/v1/impact?urn={rawA}&asOf=1600");
        then!["affected"]!.AsArray().Select(a => Short(a!["entity"]!["urn"]!.GetValue<string>())).ShouldBe(["features", "scores"]);
        var later = await _http.GetFromJsonAsync<JsonObject>($"/api/v1/impact?urn={rawA}&asOf=2500");
        later!["total"]!.GetValue<int>().ShouldBe(0);

        var path = await _http.GetFromJsonAsync<JsonObject>($"/api/v1/lineage/path?from={rawA}&to={Uri.EscapeDataString(Dataset("scores"))}&asOf=1600");
        path!["path"]!["urns"]!.AsArray().Select(u => Short(u!.GetValue<string>())).ShouldBe(["raw_a", "features", "scores"]);
        (await _http.GetAsync($"/api/v1/lineage/path?from={rawA}&to={Uri.EscapeDataString(Dataset("scores"))}&asOf=2500"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task graphql_search_across_lineage_takes_its_time_range_as_the_graph_then()
    {
        await WriteHistoryAsync();
        var graphql = new GraphQL.GraphQLClient(_http);
        const string query = """
            query($input: SearchAcrossLineageInput!) { searchAcrossLineage(input: $input) { total searchResults { entity { urn } degree } } }
            """;
        async Task<List<string>> UpstreamAsync(JsonObject? flags)
        {
            var input = new JsonObject { ["urn"] = Dataset("scores"), ["direction"] = "UPSTREAM", ["lineageFlags"] = flags };
            var data = await graphql.DataAsync(query, new JsonObject { ["input"] = input });
            return [.. data["searchAcrossLineage"]!["searchResults"]!.AsArray()
                .Select(r => $"{Short(r!["entity"]!["urn"]!.GetValue<string>())} {r["degree"]}")];
        }

        (await UpstreamAsync(new JsonObject { ["endTimeMillis"] = 1600 })).ShouldBe(["features 1", "raw_a 2"]);
        // A window holds every edge current at some moment of it: both of the feature table's sources.
        (await UpstreamAsync(new JsonObject { ["startTimeMillis"] = 1600, ["endTimeMillis"] = 2500 })).ShouldBe(["features 1", "raw_a 2", "raw_c 2"]);
        (await UpstreamAsync(null)).ShouldBe(["features 1"]);

        var backwards = await graphql.PostAsync(query, new JsonObject
        {
            ["input"] = new JsonObject
            {
                ["urn"] = Dataset("scores"), ["direction"] = "UPSTREAM",
                ["lineageFlags"] = new JsonObject { ["startTimeMillis"] = 2500, ["endTimeMillis"] = 1600 },
            },
        });
        backwards["errors"]![0]!["message"]!.GetValue<string>().ShouldStartWith("input.lineageFlags.startTimeMillis: 2500 is after endTimeMillis");
    }

    [Theory]
    [InlineData("/api/v1/lineage?urn={0}&asOf=yesterday")]
    [InlineData("/api/v1/impact?urn={0}&asOf=2024-13-01")]
    [InlineData("/api/v1/lineage/path?from={0}&to={0}&asOf=soon")]
    public async Task a_bad_moment_is_a_400_naming_as_of(string template)
    {
        var response = await _http.GetAsync(string.Format(template, Uri.EscapeDataString(Dataset("features"))));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["message"]!.GetValue<string>().ShouldStartWith("asOf");
    }

    /// <summary>"name degree" of each node upstream of a dataset as of the moment (now when null).</summary>
    private async Task<List<string>> UpstreamOf(string name, string? moment)
    {
        var query = $"/api/v1/lineage?urn={Uri.EscapeDataString(Dataset(name))}&direction=upstream{(moment is null ? "" : $"&asOf={moment}")}";
        var answer = await _http.GetFromJsonAsync<JsonObject>(query);
        return [.. answer!["nodes"]!.AsArray().Select(n => $"{Short(n!["urn"]!.GetValue<string>())} {n["degree"]}")];
    }

    private string Short(string urn) => urn.Replace($"urn:li:dataset:(urn:li:dataPlatform:hive,{_run}.", "").Replace(",PROD)", "");
}

[Collection(SqliteApiCollection.Name)]
public sealed class sqlite_as_of_lineage(SqliteApiFactory factory) : AsOfLineageApiTests(factory);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_as_of_lineage(Neo4jApiFactory factory) : AsOfLineageApiTests(factory);
