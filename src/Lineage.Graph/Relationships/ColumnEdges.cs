using System.Text.Json.Nodes;
using Lineage.Graph.Registry;
using Lineage.Graph.Urns;

namespace Lineage.Graph.Relationships;

/// <summary>
/// The edges no <c>@Relationship</c> annotation gives, because they do not start at the entity holding the aspect:
/// column to column from fine-grained lineage (as DataHub's <c>UpdateIndicesService</c> derives them), and a dataset
/// to each column its schema lists, which makes the columns nodes of the graph.
/// </summary>
public static class ColumnEdges
{
    /// <summary>The relationship from a dataset to each column of its schema.</summary>
    public const string HasSchemaField = "HasSchemaField";

    private const string DownstreamOf = "DownstreamOf";

    /// <summary>Whether an aspect can produce column edges (so other aspects skip parsing their holder's urn).</summary>
    public static bool Derives(string aspect) => Owns(aspect) || aspect == "schemaMetadata";

    /// <summary>Whether an aspect can own edges that start elsewhere (column to column), which a rewrite must find.</summary>
    public static bool Owns(string aspect) => aspect is "upstreamLineage" or "dataJobInputOutput";

    /// <summary>The column edges an already validated aspect value produces; none for most aspects.</summary>
    public static IEnumerable<Relationship> Of(Urn holder, string aspect, JsonObject value) => aspect switch
    {
        "upstreamLineage" or "dataJobInputOutput" => FromFineGrainedLineage(holder, aspect, value),
        "schemaMetadata" when holder.EntityType == "dataset" => FromSchema(holder, value),
        _ => [],
    };

    /// <summary>
    /// Each downstream column is DownstreamOf each upstream (a column, or a dataset for DATASET upstreams), owned by
    /// the holder. As in DataHub, the job holding the lineage is the edge's <c>via</c>, else the entry's query. Unlike
    /// DataHub, an entry without downstreams or upstreams skips only itself (DataHub stops at it, losing the rest).
    /// </summary>
    private static IEnumerable<Relationship> FromFineGrainedLineage(Urn holder, string aspect, JsonObject value)
    {
        var owner = holder.ToString();
        foreach (var entry in (value["fineGrainedLineages"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var mapping = new ColumnMapping(
                holder.EntityType == "dataJob" ? owner : Text(entry["query"]),
                Text(entry["transformOperation"]),
                entry["confidenceScore"] is JsonValue score
                    ? double.Parse(score.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)
                    : null);
            foreach (var downstream in Urns(entry["downstreams"]))
            foreach (var upstream in Urns(entry["upstreams"]))
                yield return new Relationship(downstream, DownstreamOf, upstream, aspect, LineageRole.TargetIsUpstream)
                {
                    Owner = owner,
                    Mapping = mapping,
                };
        }
    }

    private static IEnumerable<Relationship> FromSchema(Urn dataset, JsonObject value)
    {
        var owner = dataset.ToString();
        foreach (var field in (value["fields"] as JsonArray ?? []).OfType<JsonObject>())
            if (Text(field["fieldPath"]) is { Length: > 0 } path)
                yield return new Relationship(owner, HasSchemaField, UrnBuilders.SchemaField(dataset, path).ToString(), "schemaMetadata", LineageRole.None);
    }

    private static IEnumerable<string> Urns(JsonNode? list) =>
        (list as JsonArray ?? []).OfType<JsonValue>().Select(v => v.GetValue<string>());

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
