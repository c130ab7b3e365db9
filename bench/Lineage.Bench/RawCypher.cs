using System.Text;
using System.Text.Json.Nodes;
using Lineage.Graph.Storage.Neo4j;

namespace Lineage.Bench;

/// <summary>
/// The lineage baseline on Neo4j: the same breadth-first Cypher steps the store runs, sent straight to the
/// server over HTTP, so the ratio is what the service adds (its HTTP, JSON, planning and dressing).
/// </summary>
internal sealed class RawCypher(string neo4jUri)
{
    private readonly HttpClient _http = new();
    private readonly string _step = CypherCatalog.Get("traversal/step");

    /// <summary>Walks as the store does: hop by hop until <paramref name="hops"/>, or until more than <paramref name="limit"/> nodes are seen.</summary>
    public async Task DownstreamAsync(string root, int hops, int limit)
    {
        var seen = new HashSet<string> { root };
        var frontier = new List<string> { root };
        for (var hop = 0; hop < hops && frontier.Count > 0 && seen.Count <= limit; hop++)
        {
            var body = new JsonObject
            {
                ["statements"] = new JsonArray(new JsonObject
                {
                    ["statement"] = _step,
                    ["parameters"] = new JsonObject
                    {
                        ["frontier"] = new JsonArray([.. frontier.Select(f => (JsonNode)f)]),
                        ["forward"] = 2, ["backward"] = 1, ["types"] = new JsonArray(), ["includeRemoved"] = false,
                    },
                }),
            };
            using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync($"{neo4jUri}/db/data/transaction/commit", content);
            var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            frontier = json["results"]![0]!["data"]!.AsArray()
                .Select(d => d!["row"]![0]!.GetValue<string>())
                .Where(seen.Add)
                .ToList();
        }
    }
}
