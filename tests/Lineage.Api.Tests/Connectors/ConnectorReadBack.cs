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
    /// <c>POST /aspects?action=getTimeseriesAspectValues</c>. An aspect last written by PATCH is checked operation by
    /// operation (<see cref="PatchDifferencesAsync"/>).
    /// </summary>
    public static async Task<IReadOnlyList<string>> DifferencesAsync(DataHubWire gms, IEnumerable<WrittenAspect> written)
    {
        var differences = new List<string>();
        foreach (var writes in written.GroupBy(a => (a.Urn, a.AspectName)))
        {
            var aspect = writes.Last();
            if (aspect.IsPatch)
            {
                var patches = writes.Reverse().TakeWhile(a => a.IsPatch).Reverse();
                differences.AddRange((await PatchDifferencesAsync(gms, aspect, patches)).Select(d => $"{aspect}: {d}"));
                continue;
            }
            var difference = MetadataRegistry.Default.Aspect(aspect.AspectName)?.IsTimeseries is true
                ? await TimeseriesDifferenceAsync(gms, aspect)
                : await VersionedDifferenceAsync(gms, aspect);
            if (difference is not null) differences.Add($"{aspect}: {difference}");
        }
        return differences;
    }

    /// <summary>
    /// The "add" operations of PATCHes since the aspect's last UPSERT that the stored aspect does not show: the value at
    /// the operation's path, read through objects; where the path meets an array, the rest of it is DataHub's key for
    /// an element (<c>/owners/{owner}/{type}</c>) and some element must be the value.
    /// </summary>
    private static async Task<IReadOnlyList<string>> PatchDifferencesAsync(DataHubWire gms, WrittenAspect last, IEnumerable<WrittenAspect> patches)
    {
        using var response = await gms.Send(HttpMethod.Get, $"/aspects/{DataHubWire.Quote(last.Urn)}?aspect={last.AspectName}&version=0");
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) return [$"read answered {(int)response.StatusCode} {Shorten(text)}"];
        var stored = JsonNode.Parse(text)!["aspect"]?.AsObject().SingleOrDefault().Value;
        var differences = new List<string>();
        foreach (var operation in patches.SelectMany(p => p.Value.AsArray()).OfType<JsonObject>())
        {
            var (op, path, value) = (operation["op"]?.GetValue<string>(), operation["path"]!.GetValue<string>(), operation["value"]);
            if (op != "add") differences.Add($"{op} {path}: only add operations are checked");
            else if (!Shows(stored, path.Split('/')[1..].Select(s => s.Replace("~1", "/").Replace("~0", "~")).ToArray(), value))
                differences.Add($"add {path} {Shorten(value?.ToJsonString() ?? "null")}: read back {Shorten(stored?.ToJsonString() ?? "nothing")}");
        }
        return differences;
    }

    private static bool Shows(JsonNode? node, string[] path, JsonNode? value) => node switch
    {
        _ when path.Length == 0 => JsonNode.DeepEquals(node, value),
        JsonArray elements => elements.Any(e => JsonNode.DeepEquals(e, value)),
        JsonObject o => o.TryGetPropertyValue(path[0], out var child) && Shows(child, path[1..], value),
        _ => false,
    };

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
