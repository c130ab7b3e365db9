using System.Net;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;
using Lineage.Graph.Registry;

namespace Lineage.Api.Tests.Connectors;

/// <summary>The reads that check a replayed golden file: every aspect as written, every edge DataHub would derive.</summary>
internal static class ConnectorReadBack
{
    /// <summary>
    /// Every aspect that does not read back as written (the last write of each urn and aspect counts), compared as JSON
    /// trees: versioned aspects by <c>GET /aspects/{urn}?aspect=&amp;version=0</c>, timeseries aspects among the values of
    /// <c>POST /aspects?action=getTimeseriesAspectValues</c>.
    /// </summary>
    public static async Task<IReadOnlyList<string>> DifferencesAsync(DataHubWire gms, IEnumerable<WrittenAspect> written)
    {
        var differences = new List<string>();
        foreach (var aspect in written.GroupBy(a => (a.Urn, a.AspectName)).Select(g => g.Last()))
        {
            var difference = MetadataRegistry.Default.Aspect(aspect.AspectName)?.IsTimeseries is true
                ? await TimeseriesDifferenceAsync(gms, aspect)
                : await VersionedDifferenceAsync(gms, aspect);
            if (difference is not null) differences.Add($"{aspect}: {difference}");
        }
        return differences;
    }

    /// <summary>Every expected edge that <c>GET /relationships?direction=OUTGOING&amp;urn=&amp;types=</c> does not list.</summary>
    public static async Task<IReadOnlyList<string>> MissingEdgesAsync(DataHubWire gms, IEnumerable<ExpectedEdge> expected)
    {
        var missing = new List<string>();
        foreach (var group in expected.GroupBy(e => (e.Source, e.Relationship)))
        {
            using var response = await gms.Send(HttpMethod.Get,
                $"/relationships?direction=OUTGOING&urn={DataHubWire.Quote(group.Key.Source)}&types=List({group.Key.Relationship})&count=1000");
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                missing.AddRange(group.Select(e => $"{e}: relationships read answered {(int)response.StatusCode} {text}"));
                continue;
            }
            var found = JsonNode.Parse(text)!["relationships"]!.AsArray()
                .Where(r => r!["type"]?.GetValue<string>() == group.Key.Relationship)
                .Select(r => r!["entity"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            missing.AddRange(group.Where(e => !found.Contains(e.Target)).Select(e => e.ToString()));
        }
        return missing;
    }

    private static async Task<string?> VersionedDifferenceAsync(DataHubWire gms, WrittenAspect aspect)
    {
        using var response = await gms.Send(HttpMethod.Get, $"/aspects/{DataHubWire.Quote(aspect.Urn)}?aspect={aspect.AspectName}&version=0");
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) return $"read answered {(int)response.StatusCode} {Shorten(text)}";
        var stored = JsonNode.Parse(text)!["aspect"]?.AsObject().SingleOrDefault().Value;
        return JsonNode.DeepEquals(stored, aspect.Value) ? null
            : $"read back {Shorten(stored?.ToJsonString() ?? "nothing")}, written {Shorten(aspect.Value.ToJsonString())}";
    }

    private static async Task<string?> TimeseriesDifferenceAsync(DataHubWire gms, WrittenAspect aspect)
    {
        using var response = await gms.Send(HttpMethod.Post, "/aspects?action=getTimeseriesAspectValues",
            new JsonObject { ["urn"] = aspect.Urn, ["entity"] = aspect.EntityType, ["aspect"] = aspect.AspectName });
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) return $"timeseries read answered {(int)response.StatusCode} {Shorten(text)}";
        var values = JsonNode.Parse(text)!["value"]!["values"]!.AsArray()
            .Select(v => JsonNode.Parse(v!["aspect"]!["value"]!.GetValue<string>())).ToList();
        return values.Any(v => JsonNode.DeepEquals(v, aspect.Value)) ? null
            : $"none of the {values.Count} timeseries values is the one written, {Shorten(aspect.Value.ToJsonString())}";
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "…";
}
