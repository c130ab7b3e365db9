using System.Text.Json.Nodes;
using Lineage.Graph.Errors;

namespace Lineage.Graph.Writing.Patch;

/// <summary>
/// DataHub's re-keying of <c>fineGrainedLineages</c> (its <c>FineGrainedLineageTemplateHelper</c>): the array
/// becomes transformOperation → downstream → query (or NONE) → upstream → {confidenceScore, types}, so a patch
/// adds or removes one upstream column; rebuilt as one element per (operation, downstream, query).
/// </summary>
internal static class FineGrainedLineages
{
    private const string Field = "fineGrainedLineages";
    private const string None = "NONE";

    public static void ToMap(JsonObject aspect)
    {
        var map = new JsonObject();
        if (aspect[Field] is JsonArray lineages)
        {
            for (var i = 0; i < lineages.Count; i++)
            {
                if (lineages[i] is not JsonObject lineage) continue;
                if (lineage["downstreams"] is not JsonArray { Count: 1 } downstreams)
                    throw new ValidationException($"{Field}[{i}].downstreams",
                        "a patch can only change fine-grained lineages with exactly one downstream (as in DataHub)");
                var score = lineage["confidenceScore"] is JsonValue s ? s.GetValue<double>() : 1.0;
                var upstreams = lineage["upstreams"] as JsonArray;
                var upstreamType = Text(lineage["upstreamType"])
                                   ?? (Text(upstreams?.FirstOrDefault()) is { } first && first.StartsWith("urn:li:dataset:", StringComparison.Ordinal)
                                       ? "DATASET" : "FIELD_SET");
                var downstreamType = Text(lineage["downstreamType"]) ?? "FIELD";
                var query = Child(Child(Child(map, Text(lineage["transformOperation"]) ?? None), Text(downstreams[0]) ?? ""),
                    Text(lineage["query"]) ?? None);
                foreach (var upstream in (upstreams ?? []).Select(Text).OfType<string>().Distinct())
                    query[upstream] = new JsonObject
                    {
                        ["confidenceScore"] = score, ["upstreamType"] = upstreamType, ["downstreamType"] = downstreamType,
                    };
            }
        }
        aspect[Field] = map;
    }

    public static void ToArray(JsonObject aspect)
    {
        switch (aspect[Field])
        {
            case JsonArray:
                return; // replaced as a whole
            case JsonObject map:
                aspect[Field] = new JsonArray(Rebuild(map).ToArray());
                return;
            default:
                aspect[Field] = new JsonArray();
                return;
        }
    }

    private static IEnumerable<JsonNode> Rebuild(JsonObject map)
    {
        foreach (var (operation, downstreams) in map)
        foreach (var (downstream, queries) in downstreams as JsonObject ?? [])
        foreach (var (query, upstreamNode) in queries as JsonObject ?? [])
        {
            if (upstreamNode is not JsonObject upstreams || upstreams.Count == 0) continue;
            // The lowest confidence of the upstreams wins; the types are the last ones given.
            var score = 1.0;
            string upstreamType = "FIELD_SET", downstreamType = "FIELD";
            foreach (var (_, facts) in upstreams)
            {
                if (facts is not JsonObject f) continue;
                if (f["confidenceScore"] is JsonValue v && v.GetValue<double>() is var s && s <= score) score = s;
                upstreamType = Text(f["upstreamType"]) ?? upstreamType;
                downstreamType = Text(f["downstreamType"]) ?? downstreamType;
            }
            var lineage = new JsonObject
            {
                ["downstreams"] = new JsonArray(downstream),
                ["upstreams"] = new JsonArray(upstreams.Select(u => (JsonNode?)u.Key).ToArray()),
            };
            if (!string.IsNullOrWhiteSpace(query) && query != None) lineage["query"] = query;
            lineage["upstreamType"] = upstreamType;
            lineage["downstreamType"] = downstreamType;
            lineage["confidenceScore"] = score;
            lineage["transformOperation"] = operation;
            yield return lineage;
        }
    }

    private static JsonObject Child(JsonObject parent, string key)
    {
        if (parent[key] is JsonObject child) return child;
        child = [];
        parent[key] = child;
        return child;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v ? v.ToString() : null;
}
