using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Cli.Tests.Transfer;

/// <summary>
/// Two services' catalogs compared through their read endpoints, not through the export: for each entity its every kept
/// version (<c>/api/v1/history</c>: value, revision, time and actor), its latest aspects with their system metadata
/// (<c>/entitiesV2</c>), and its edges both ways (<c>/relationships</c>). Each difference is one line.
/// </summary>
public static class CatalogComparison
{
    public static async Task<IReadOnlyList<string>> DifferencesAsync(ServiceProcess a, ServiceProcess b, IEnumerable<string> urns)
    {
        var differences = new List<string>();
        foreach (var urn in urns)
        {
            var encoded = Uri.EscapeDataString(urn);
            foreach (var read in new[]
            {
                $"/api/v1/history?urn={encoded}",
                $"/entitiesV2/{encoded}",
                $"/relationships?direction=OUTGOING&urn={encoded}&count=10000",
                $"/relationships?direction=INCOMING&urn={encoded}&count=10000",
            })
            {
                var (left, right) = (await ReadAsync(a, read), await ReadAsync(b, read));
                if (left != right) differences.Add($"{read}\n  {a.Address}: {left}\n  {b.Address}: {right}");
            }
        }
        return differences;
    }

    /// <summary>The status and the body in a canonical form: members sorted, and relationships as a sorted set.</summary>
    private static async Task<string> ReadAsync(ServiceProcess service, string path)
    {
        using var response = await service.Http.GetAsync(path);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        if (body is JsonObject o && o["relationships"] is JsonArray edges)
            o["relationships"] = new JsonArray([.. edges.Select(Canonical).Order(StringComparer.Ordinal).Select(e => (JsonNode)e)]);
        if (body is JsonObject error && error["requestId"] is not null) error.Remove("requestId");
        return $"{(int)response.StatusCode} {Canonical(body)}";
    }

    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{Canonical(p.Value)}")) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };
}
