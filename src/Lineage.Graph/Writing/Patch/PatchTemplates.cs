using System.Text.Json.Nodes;

namespace Lineage.Graph.Writing.Patch;

/// <summary>
/// DataHub's patch templates (its <c>AspectTemplateEngine</c> and the <c>*Template</c> classes): per aspect, the
/// keyed arrays and the default value. <c>customProperties</c> maps need no entry: they are keyed already.
/// </summary>
/// <remarks>
/// Tags, terms, owners and structured properties follow DataHub's newest templates, which also key by the
/// element's <c>attribution.source</c> (and owners by <c>typeUrn</c>), so entries from different sources coexist.
/// The established shorter paths (<c>/tags/&lt;tag&gt;</c>, <c>/owners/&lt;owner&gt;/&lt;type&gt;</c>) still work:
/// a remove is a prefix (every source), and <see cref="KeyedPatch"/> completes an add's path from its value.
/// </remarks>
public static class PatchTemplates
{
    /// <summary>A key field inside the element's <c>attribution</c> record (<c>attribution␟source</c>).</summary>
    private static readonly string AttributionSource = $"attribution{KeyedArray.UnitSeparator}source";

    private static readonly CustomKeying FineGrained = new(FineGrainedLineages.ToMap, FineGrainedLineages.ToArray);

    private static readonly KeyedArray Tags = new("tags", "tag", AttributionSource);
    private static readonly KeyedArray Terms = new("terms", "urn", AttributionSource);

    private static readonly Dictionary<string, PatchTemplate> ByAspect = new(StringComparer.Ordinal)
    {
        ["globalTags"] = new([Tags], _ => Empty("tags")),
        ["glossaryTerms"] = new([Terms], now => new JsonObject { ["terms"] = new JsonArray(), ["auditStamp"] = Stamp(now) }),
        ["ownership"] = new([new KeyedArray("owners", "owner", "type", "typeUrn", AttributionSource)],
            now => new JsonObject { ["owners"] = new JsonArray(), ["lastModified"] = Stamp(now) }),
        ["structuredProperties"] = new([new KeyedArray("properties", "propertyUrn", AttributionSource)], _ => Empty("properties")),
        ["documentation"] = new([new KeyedArray("documentations", AttributionSource)], _ => Empty("documentations")),
        ["institutionalMemory"] = new([new KeyedArray("elements", "url")], _ => Empty("elements")),
        ["upstreamLineage"] = new([new KeyedArray("upstreams", "dataset")],
            _ => Empty("upstreams", "fineGrainedLineages"), FineGrained),
        ["datasetProperties"] = new([new KeyedArray("tags")],
            _ => new JsonObject { ["tags"] = new JsonArray(), ["customProperties"] = new JsonObject() }),
        // A field's tags and terms go through the globalTags and glossaryTerms templates (EditableSchemaMetadataTemplate).
        ["editableSchemaMetadata"] = new(
            [new KeyedArray(["editableSchemaFieldInfo"], ["fieldPath"], [Tags with { Path = ["globalTags", "tags"] }, Terms with { Path = ["glossaryTerms", "terms"] }])],
            now => new JsonObject { ["created"] = Stamp(now), ["lastModified"] = Stamp(now), ["editableSchemaFieldInfo"] = new JsonArray() }),
        ["dataFlowInfo"] = new([], _ => new JsonObject { ["customProperties"] = new JsonObject() }),
        ["dataJobInfo"] = new([], _ => new JsonObject { ["customProperties"] = new JsonObject() }),
        // Lineage's own (DataHub has no template for it): the OpenLineage mapping adds a run's facets key by key.
        ["dataProcessInstanceProperties"] = new([], _ => new JsonObject { ["customProperties"] = new JsonObject() }),
        ["dataJobInputOutput"] = new(
            [
                new KeyedArray("inputDatajobEdges", "destinationUrn"), new KeyedArray("inputDatasetEdges", "destinationUrn"),
                new KeyedArray("outputDatasetEdges", "destinationUrn"), new KeyedArray("inputDatasetFields"), new KeyedArray("outputDatasetFields"),
            ],
            _ => Empty("inputDatajobEdges", "inputDatasetEdges", "outputDatasetEdges", "fineGrainedLineages", "inputDatasetFields",
                "outputDatasetFields", "inputDatajobs", "inputDatasets", "outputDatasets"),
            FineGrained),
        ["chartInfo"] = new([new KeyedArray("inputEdges", "destinationUrn"), new KeyedArray("inputs")],
            now => Info(now, "inputEdges", "inputs")),
        ["dashboardInfo"] = new(
            [new KeyedArray("chartEdges", "destinationUrn"), new KeyedArray("datasetEdges", "destinationUrn"), new KeyedArray("datasets"), new KeyedArray("charts")],
            now => Info(now, "chartEdges", "datasetEdges", "datasets", "charts")),
        ["dataProductProperties"] = new([new KeyedArray("assets", "destinationUrn")], _ => Empty("assets")),
        ["domains"] = new([new KeyedArray("domains")], _ => Empty("domains")),
        ["siblings"] = new([new KeyedArray("siblings")], _ => new JsonObject { ["siblings"] = new JsonArray(), ["primary"] = false }),
        ["dataProcessInstanceInput"] = new([new KeyedArray("inputs"), new KeyedArray("inputEdges", "destinationUrn")],
            _ => Empty("inputs", "inputEdges")),
        ["dataProcessInstanceOutput"] = new([new KeyedArray("outputs"), new KeyedArray("outputEdges", "destinationUrn")],
            _ => Empty("outputs", "outputEdges")),
        ["forms"] = new([], _ => Empty("incompleteForms", "completedForms"), new CustomKeying(FormsKeying.ToMap, FormsKeying.ToArray)),
        ["testResults"] = new([new KeyedArray("passing", "test"), new KeyedArray("failing", "test")], _ => Empty("passing", "failing")),
        // Templates without keyed arrays: only the starting value differs from plain RFC 6902.
        ["status"] = new([], _ => new JsonObject { ["removed"] = false }),
        ["glossaryTermInfo"] = new([],
            _ => new JsonObject { ["definition"] = "", ["termSource"] = "INTERNAL", ["customProperties"] = new JsonObject() }),
        ["glossaryNodeInfo"] = new([], _ => new JsonObject { ["definition"] = "", ["customProperties"] = new JsonObject() }),
        ["domainProperties"] = new([], _ => []),
        ["versionProperties"] = new([], Default: null),
        ["editableDatasetProperties"] = new([], _ => []),
        ["editableChartProperties"] = new([], _ => []),
        ["editableDashboardProperties"] = new([], _ => []),
        ["editableDataFlowProperties"] = new([], _ => []),
        ["editableDataJobProperties"] = new([], _ => []),
        ["editableContainerProperties"] = new([], _ => []),
        ["editableMlModelProperties"] = new([], _ => []),
        ["editableMlModelGroupProperties"] = new([], _ => []),
        ["editableMlFeatureProperties"] = new([], _ => []),
        ["editableMlFeatureTableProperties"] = new([], _ => []),
        ["editableMlPrimaryKeyProperties"] = new([], _ => []),
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
