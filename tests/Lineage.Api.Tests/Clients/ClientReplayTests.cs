using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Clients;

/// <summary>
/// Replays the golden requests of DataHub's Python client (<c>Clients/Fixtures/{restli,openapi}/*.json</c>, written by
/// <c>make_fixtures.py</c> from the client's sources) against the real host, and checks each answer against what the
/// client reads back: the status, the <c>aspect[&lt;class&gt;]</c> it unpacks, the <c>value</c>s and order of
/// <c>entitiesV2</c>'s aspects that <c>update</c> re-sends.
/// </summary>
public abstract class ClientReplayTests(LineageApiFactory factory)
{
    private static readonly string FixtureRoot = Path.Combine(AppContext.BaseDirectory, "Clients", "Fixtures");

    private readonly HttpClient _http = factory.CreateClient();
    private readonly string _run = Guid.NewGuid().ToString("N")[..10];

    [Theory]
    [InlineData("restli")]
    [InlineData("openapi")]
    public async Task the_ml_tutorial_scripts_replay_as_the_client_expects(string mode)
    {
        foreach (var script in new[] { "01-create-ml-entities", "02-read-ml-entities", "03-read-modify-write" })
            await ReplayAsync(mode, script);
    }

    [Theory]
    [InlineData("restli")]
    [InlineData("openapi")]
    public async Task the_model_group_guide_replays_as_the_client_expects(string mode)
    {
        var scripts = Directory.GetFiles(Path.Combine(FixtureRoot, mode), "*-sdk-*.json").Select(Path.GetFileNameWithoutExtension).Order().ToList();
        scripts.Count.ShouldBe(10);
        foreach (var script in scripts) await ReplayAsync(mode, script!);

        // update() re-sent every aspect each time, the key aspect included: only real changes made versions.
        var group = Uri.EscapeDataString($"urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,recommendation-models-{_run},PROD)");
        (await _http.GetAsync($"/aspects/{group}?aspect=mlModelGroupProperties&version=1")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _http.GetAsync($"/aspects/{group}?aspect=mlModelGroupProperties&version=2")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _http.GetAsync($"/aspects/{group}?aspect=ownership&version=1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _http.GetAsync($"/aspects/{group}?aspect=mlModelGroupKey&version=1")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task ReplayAsync(string mode, string script)
    {
        var text = (await File.ReadAllTextAsync(Path.Combine(FixtureRoot, mode, script + ".json")))
            .Replace("{run}", _run).Replace("%7Brun%7D", _run);
        var requests = JsonNode.Parse(text)!["requests"]!.AsArray();
        for (var i = 0; i < requests.Count; i++)
        {
            var step = requests[i]!.AsObject();
            var where = $"{mode}/{script} request {i} ({step["method"]} {step["path"]})";
            using var request = new HttpRequestMessage(new HttpMethod(step["method"]!.GetValue<string>()), step["path"]!.GetValue<string>());
            var body = step["body"]?.ToJsonString() ?? "";
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            foreach (var (name, value) in step["headers"]!.AsObject())
            {
                if (name != "Content-Type") request.Headers.TryAddWithoutValidation(name, value!.GetValue<string>());
            }
            using var response = await _http.SendAsync(request);
            var answer = await response.Content.ReadAsStringAsync();

            var expect = step["expect"]!.AsObject();
            ((int)response.StatusCode).ShouldBe(expect["status"]!.GetValue<int>(), $"{where} answered {answer}");
            if (expect["body"] is JsonObject expected) Match(expected, JsonNode.Parse(answer), where, exact: false);
            if (expect["aspectOrder"] is JsonArray order)
            {
                JsonNode.Parse(answer)!["aspects"]!.AsObject().Select(a => a.Key)
                    .ShouldBe(order.Select(n => n!.GetValue<string>()), $"{where}: the order update() will re-send them in");
            }
        }
    }

    /// <summary>
    /// The answer holds what the client reads: envelopes may carry more fields than the fixture names, but an
    /// aspect's value (under <c>value</c> or <c>aspect</c>) must be exactly what was written.
    /// </summary>
    private static void Match(JsonNode? expected, JsonNode? actual, string where, bool exact)
    {
        if (exact || expected is not JsonObject expectedObject)
        {
            JsonNode.DeepEquals(expected, actual).ShouldBeTrue($"{where}: expected {expected?.ToJsonString()}, got {actual?.ToJsonString()}");
            return;
        }
        var actualObject = actual as JsonObject;
        actualObject.ShouldNotBeNull($"{where}: expected an object, got {actual?.ToJsonString()}");
        foreach (var (name, value) in expectedObject)
        {
            actualObject.ContainsKey(name).ShouldBeTrue($"{where}: the answer has no '{name}': {actualObject.ToJsonString()}");
            var parentIsAspect = where.EndsWith(".aspect", StringComparison.Ordinal);
            Match(value, actualObject[name], $"{where}.{name}", exact: name == "value" || parentIsAspect);
        }
    }
}

[Collection(SqliteApiCollection.Name)]
public sealed class sqlite_client_replay(SqliteApiFactory factory) : ClientReplayTests(factory);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_client_replay(Neo4jApiFactory factory) : ClientReplayTests(factory);
