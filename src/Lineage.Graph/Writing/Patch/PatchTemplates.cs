using System.Text.Json.Nodes;

namespace Lineage.Graph.Writing.Patch;

/// <summary>
/// DataHub's patch templates (its <c>AspectTemplateEngine</c> and the <c>*Template</c> classes): per aspect, the
/// keyed arrays and the default value. <c>customProperties</c> maps need no entry: they are keyed already.
/// </summary>
public static class PatchTemplates
{
    private static readonly KeyedArray Tags = new("tags", "tag");
    private static readonly KeyedArray Terms = new("terms", "urn");

    private static readonly Dictionary<string, PatchTemplate> ByAspect = new(StringComparer.Ordinal)
    {
        ["globalTags"] = new([Tags], _ => new JsonObject { ["tags"] = new JsonArray() }),
        ["glossaryTerms"] = new([Terms], now => new JsonObject { ["terms"] = new JsonArray(), ["auditStamp"] = Stamp(now) }),
        ["ownership"] = new([new KeyedArray("owners", "owner", "type")],
            now => new JsonObject { ["owners"] = new JsonArray(), ["lastModified"] = Stamp(now) }),
        ["upstreamLineage"] = new([new KeyedArray("upstreams", "dataset")],
            _ => new JsonObject { ["upstreams"] = new JsonArray(), ["fineGrainedLineages"] = new JsonArray() }, FineGrainedLineages: true),
        ["datasetProperties"] = new([new KeyedArray("tags")],
            _ => new JsonObject { ["tags"] = new JsonArray(), ["customProperties"] = new JsonObject() }),
        ["editableDatasetProperties"] = new([], _ => []),
        ["editableSchemaMetadata"] = new(
            [new KeyedArray(["editableSchemaFieldInfo"], ["fieldPath"], [Tags with { Path = ["globalTags", "tags"] }, Terms with { Path = ["glossaryTerms", "terms"] }])],
            now => new JsonObject { ["created"] = Stamp(now), ["lastModified"] = Stamp(now), ["editableSchemaFieldInfo"] = new JsonArray() }),
        ["dataFlowInfo"] = new([], _ => new JsonObject { ["customProperties"] = new JsonObject() }),
        ["dataJobInfo"] = new([], _ => new JsonObject { ["customProperties"] = new JsonObject() }),
        ["dataJobInputOutput"] = new(
            [
                new KeyedArray("inputDatajobEdges", "destinationUrn"), new KeyedArray("inputDatasetEdges", "destinationUrn"),
                new KeyedArray("outputDatasetEdges", "destinationUrn"), new KeyedArray("inputDatasetFields"), new KeyedArray("outputDatasetFields"),
            ],
            _ => Empty("inputDatajobEdges", "inputDatasetEdges", "outputDatasetEdges", "fineGrainedLineages", "inputDatasetFields",
                "outputDatasetFields", "inputDatajobs", "inputDatasets", "outputDatasets"),
            FineGrainedLineages: true),
        ["chartInfo"] = new([new KeyedArray("inputEdges", "destinationUrn"), new KeyedArray("inputs")],
            now => Info(now, "inputEdges", "inputs")),
        ["dashboardInfo"] = new(
            [new KeyedArray("chartEdges", "destinationUrn"), new KeyedArray("datasetEdges", "destinationUrn"), new KeyedArray("datasets"), new KeyedArray("charts")],
            now => Info(now, "chartEdges", "datasetEdges", "datasets", "charts")),
        ["dataProductProperties"] = new([new KeyedArray("assets", "destinationUrn")], _ => Empty("assets")),
        ["structuredProperties"] = new([new KeyedArray("properties", "propertyUrn")], _ => Empty("properties")),
        ["domains"] = new([new KeyedArray("domains")], _ => Empty("domains")),
        ["siblings"] = new([new KeyedArray("siblings")], _ => Empty("siblings")),
        ["editableContainerProperties"] = new([], _ => []),
        ["editableMlModelGroupProperties"] = new([], _ => []),
        ["dataProcessInstanceInput"] = new([new KeyedArray("inputs"), new KeyedArray("inputEdges", "destinationUrn")], _ => Empty("inputs")),
        ["dataProcessInstanceOutput"] = new([new KeyedArray("outputs"), new KeyedArray("outputEdges", "destinationUrn")], _ => Empty("outputs")),
    };

    /// <summary>The template of an aspect, or null when DataHub has none (a bare array is then plain RFC 6902).</summary>
    public static PatchTemplate? Of(string aspect) => ByAspect.GetValueOrDefault(aspect);

    private static JsonObject Stamp(long now) => new() { ["time"] = now, ["actor"] = MetadataWriter.SystemActor };

    private static JsonObject Empty(params string[] arrays) => new(arrays.Select(a => KeyValuePair.Create(a, (JsonNode?)new JsonArray())));

    private static JsonObject Info(long now, params string[] arrays)
    {
        var info = new JsonObject
        {
            ["title"] = "",
            ["description"] = "",
            ["lastModified"] = new JsonObject { ["created"] = Stamp(now), ["lastModified"] = Stamp(now) },
        };
        foreach (var array in arrays) info[array] = new JsonArray();
        return info;
    }
}
