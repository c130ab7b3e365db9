using System.Diagnostics;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;
using Xunit.Abstractions;

namespace Lineage.Api.Tests.Discovery;

/// <summary>Reading search and autocomplete over HTTP, and waiting for the index to show a write.</summary>
public abstract partial class SearchApiTests
{
    /// <summary>Runs a write, then polls the search every 50 ms until <paramref name="done"/>; fails after a second. Returns the milliseconds it took.</summary>
    private async Task<long> Timed(Func<Task> write, string query, Func<JsonObject, bool> done)
    {
        await write();
        var clock = Stopwatch.StartNew();
        await SearchUntil(query, done, Convergence);
        return clock.ElapsedMilliseconds;
    }

    private async Task<JsonObject> SearchUntil(string query, Func<JsonObject, bool> done, TimeSpan? within = null) =>
        await Until(() => Search(query), done, within ?? Patience, query);

    private async Task<JsonObject> AutocompleteUntil(string query, Func<JsonObject, bool> done) =>
        await Until(() => Autocomplete(query), done, Patience, query);

    private static async Task<JsonObject> Until(Func<Task<JsonObject>> read, Func<JsonObject, bool> done, TimeSpan within, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var body = await read();
            if (done(body)) return body;
            if (clock.Elapsed >= within)
                throw new Xunit.Sdk.XunitException($"'{what}' not as expected after {clock.ElapsedMilliseconds} ms: {body.ToJsonString()}");
            await Task.Delay(50);
        }
    }

    private async Task<JsonObject> Search(string query) => await Get(_gms, $"/api/v1/search?{Escape(query)}");

    private async Task<JsonObject> Autocomplete(string query) => await Get(_gms, $"/api/v1/autocomplete?{Escape(query)}");

    private static async Task<JsonObject> Get(DataHubWire gms, string path) => await DataHubWire.ReadObjectAsync(await gms.Send(HttpMethod.Get, path));

    /// <summary>A word no other test uses and no analyzer splits, stems or drops: lower-case consonants.</summary>
    private static string Word() => "zq" + string.Concat(Enumerable.Range(0, 10).Select(_ => "bcdfghjklmnpqrtvwxz"[Random.Shared.Next(19)]));

    /// <summary>Escapes the spaces and quotes of a readable query string (<c>q=word tag:x</c>); the rest is escaped by the caller.</summary>
    private static string Escape(string query) => query.Replace(" ", "%20").Replace("\"", "%22");

    private static List<string> Urns(JsonObject results) => results["results"]!.AsArray().Select(r => r!["urn"]!.GetValue<string>()).ToList();

    private static List<string> Suggested(JsonObject body) => body["suggestions"]!.AsArray().Select(s => s!["urn"]!.GetValue<string>()).ToList();

    private static List<(string, int)> Facet(JsonObject results, string field) =>
        results["facets"]!.AsArray().Single(f => f!["field"]!.GetValue<string>() == field)!["values"]!.AsArray()
            .Select(v => (v!["value"]!.GetValue<string>(), v["count"]!.GetValue<int>())).ToList();

    private static async Task WaitForCatchUpAsync(DataHubWire gms, ITestOutputHelper output)
    {
        var word = Word();
        var urn = $"urn:li:mlModel:(urn:li:dataPlatform:science,catchup_{Guid.NewGuid():N},PROD)";
        await gms.UpsertAsync(urn, "mlModelProperties", new JsonObject { ["name"] = word });
        var clock = Stopwatch.StartNew();
        await Until(() => Get(gms, $"/api/v1/search?q={word}"), r => r["total"]!.GetValue<int>() == 1, TimeSpan.FromMinutes(5), "the first catch-up");
        output.WriteLine($"the new host's index caught up with the change feed in {clock.ElapsedMilliseconds} ms");
    }
}
