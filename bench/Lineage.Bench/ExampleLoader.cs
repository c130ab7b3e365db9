using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Lineage.Bench;

/// <summary>
/// Loads the example estate into a running service, so a new user has something to look at: the ML tutorial's
/// entities (examples/ml-tutorial.json) plus a generated estate of a few thousand entities.
/// </summary>
internal static class ExampleLoader
{
    /// <summary>The generated part: big enough for wide lineage and useful facets, small enough to load in seconds.</summary>
    public const int GeneratedEntities = 3_000;

    public static async Task<int> RunAsync(string repo, string url, string? token)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };
        token ??= DefaultToken(repo);
        if (token is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var tutorial = Tutorial(Path.Combine(repo, "examples", "ml-tutorial.json"));
        var generated = new EstateGenerator(GeneratedEntities).Generate().Proposals;
        var proposals = tutorial.Concat(generated).ToList();
        Console.WriteLine($"Loading {tutorial.Count} tutorial aspects and {generated.Count:N0} generated aspects into {url}");
        for (var i = 0; i < proposals.Count; i += 200)
        {
            var batch = new JsonArray([.. proposals.Skip(i).Take(200).Select(p => p.DeepClone())]);
            using var content = new StringContent(new JsonObject { ["proposals"] = batch }.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("/aspects?action=ingestProposalBatch", content);
            if (!response.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized)
                    Console.Error.WriteLine("Pass a token with write scope: --token <token> or LINEAGE_TOKEN (the admin token is in the service's data/admin.token).");
                return 1;
            }
        }
        Console.WriteLine($"Done: open {url.TrimEnd('/')}/ and search for my-model.");
        return 0;
    }

    /// <summary>The tutorial's entities as proposals; the file lists plain {urn, aspect, value} entries to stay readable.</summary>
    public static IReadOnlyList<JsonObject> Tutorial(string path) =>
        JsonNode.Parse(File.ReadAllText(path))!.AsArray()
            .Select(e => Proposals.Upsert(e!["urn"]!.GetValue<string>(), e["aspect"]!.GetValue<string>(), e["value"]!)).ToList();

    /// <summary>A token from LINEAGE_TOKEN, else the admin token a service started from the repository wrote.</summary>
    private static string? DefaultToken(string repo)
    {
        if (Environment.GetEnvironmentVariable("LINEAGE_TOKEN") is { Length: > 0 } fromEnvironment) return fromEnvironment;
        foreach (var candidate in new[] { Path.Combine(repo, "data", "admin.token"), Path.Combine(repo, "src", "Lineage.Api", "data", "admin.token") })
            if (File.Exists(candidate)) return File.ReadAllText(candidate).Trim();
        return null;
    }
}
