using System.Text;
using System.Text.Json.Nodes;
using Lineage.Graph.Registry;
using Lineage.Graph.Storage.Neo4j;
using Lineage.Graph.Traversal;

namespace Lineage.Bench;

/// <summary>
/// The lineage baseline on Neo4j: the store's own breadth-first step statement (<c>cypher/traversal/step.cypher</c>),
/// sent level by level straight to the server over HTTP and walked as the service walks, so the ratio is what the
/// service adds (its HTTP, JSON, node facts, edges among the nodes, deprecation and dressing).
/// </summary>
internal sealed class RawCypher(string neo4jUri)
{
    private readonly HttpClient _http = new();
    private readonly string _step = CypherCatalog.Get("traversal/step");

    /// <summary>
    /// Walks the row's walk from <paramref name="root"/> as <c>LineageWalk</c> does: level by level, each level's new
    /// nodes in urn order, stopping once more than <see cref="WalkRow.Limit"/> nodes (root included) are reached and
    /// cutting the last level to fit. Returns the node count, root included.
    /// </summary>
    public async Task<int> WalkAsync(string root, WalkRow row)
    {
        // An edge whose lineage role is the walk's forward role leads from its source to its target; one with the
        // backward role from its target to its source (1 = the target is upstream, 2 = the target is downstream).
        var (forward, backward) = row.Direction == LineageDirection.Upstream
            ? (LineageRole.TargetIsUpstream, LineageRole.TargetIsDownstream)
            : (LineageRole.TargetIsDownstream, LineageRole.TargetIsUpstream);
        var seen = new HashSet<string>(StringComparer.Ordinal) { root };
        List<string> frontier = [root];
        for (var hop = 0; hop < row.Hops && frontier.Count > 0; hop++)
        {
            var edges = await StepAsync(frontier, forward, backward, row.IncludeRemoved);
            var level = edges
                .Select(e => e[3]!.GetValue<int>() == (int)forward ? e[1]!.GetValue<string>() : e[0]!.GetValue<string>())
                .Where(far => !seen.Contains(far))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();
            var room = row.Limit - seen.Count;
            var full = level.Count > room;
            if (full) level = level.Take(room).ToList();
            seen.UnionWith(level);
            if (full) break;
            frontier = level;
        }
        return seen.Count;
    }

    /// <summary>The row's walk from each of its roots, timed as the row is: the same rounds, one warm-up.</summary>
    public Task<Latency> MeasureAsync(WalkRow row) =>
        Latency.MeasureAsync(row.Roots.Select(root => (Func<Task>)(() => WalkAsync(root, row))).ToList(), row.Rounds);

    /// <summary>One level: the edge rows (source, target, type, lineage role) leading one hop from the frontier.</summary>
    private async Task<List<JsonArray>> StepAsync(IReadOnlyList<string> frontier, LineageRole forward, LineageRole backward, bool includeRemoved)
    {
        var body = new JsonObject
        {
            ["statements"] = new JsonArray(new JsonObject
            {
                ["statement"] = _step,
                ["parameters"] = new JsonObject
                {
                    ["frontier"] = new JsonArray([.. frontier.Select(f => (JsonNode)f)]),
                    // Empty: the estate here has no columns. The store sends the frontier, so the column arms' range
                    // seeks are part of what the ratio shows the service adding.
                    ["columnsOf"] = new JsonArray(),
                    ["forward"] = (int)forward,
                    ["backward"] = (int)backward,
                    ["types"] = new JsonArray(),
                    ["includeRemoved"] = includeRemoved,
                },
            }),
        };
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync($"{neo4jUri}/db/data/transaction/commit", content);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (!response.IsSuccessStatusCode || json["errors"] is JsonArray { Count: > 0 })
            throw new InvalidOperationException($"the raw Cypher step failed: {(int)response.StatusCode} {json["errors"]?.ToJsonString()}");
        return json["results"]![0]!["data"]!.AsArray().Select(d => d!["row"]!.AsArray()).ToList();
    }
}
