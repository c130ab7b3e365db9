using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Lineage.Api.Tests.GraphQL;

/// <summary>Posts GraphQL requests as DataHub's clients do and reads the answer.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    /// <summary>The whole body of a 200 answer.</summary>
    public async Task<JsonObject> PostAsync(string query, JsonObject? variables = null, string? operationName = null)
    {
        var request = new JsonObject { ["query"] = query };
        if (variables is not null) request["variables"] = variables;
        if (operationName is not null) request["operationName"] = operationName;
        var response = await http.PostAsJsonAsync("/api/graphql", request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new Xunit.Sdk.XunitException($"expected 200, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The <c>data</c> of an answer without errors.</summary>
    public async Task<JsonObject> DataAsync(string query, JsonObject? variables = null)
    {
        var body = await PostAsync(query, variables);
        if (body["errors"] is not null) throw new Xunit.Sdk.XunitException($"unexpected errors: {body.ToJsonString()}");
        return body["data"]!.AsObject();
    }

    /// <summary>Runs the query every 50 ms until <paramref name="done"/> holds for its data (the search index catches up); fails after a minute (a loaded machine, an index still catching up).</summary>
    public async Task<JsonObject> DataUntilAsync(string query, Func<JsonObject, bool> done, JsonObject? variables = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var data = await DataAsync(query, variables?.DeepClone().AsObject());
            if (done(data)) return data;
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
                throw new Xunit.Sdk.XunitException($"not as expected after {clock.ElapsedMilliseconds} ms: {data.ToJsonString()}");
            await Task.Delay(50);
        }
    }

    /// <summary>Whether two JSON documents are equal, with the actual one shown when not.</summary>
    public static void ShouldEqualJson(JsonNode? actual, string expected)
    {
        var want = JsonNode.Parse(expected);
        if (!JsonNode.DeepEquals(actual, want))
            throw new Xunit.Sdk.XunitException($"expected\n{want?.ToJsonString()}\nbut got\n{actual?.ToJsonString()}");
    }
}
