using System.Text.Json.Nodes;

namespace Lineage.Api.Tests.Connectors;

/// <summary>
/// The edges DataHub derives from the fine-grained lineage a file writes, read off the last upstreamLineage or
/// dataJobInputOutput UPSERT of each entity as sent. From FineGrainedLineage.pdl's annotations: the holder is
/// DownstreamOf each upstream and Produces each downstream. From UpdateIndicesService's
/// <c>updateFineGrainedEdgesAndRelationships</c>: each downstream is DownstreamOf each upstream, its loop stopping
/// (<c>break</c>) at the first entry without downstreams or upstreams.
/// </summary>
internal static class FineGrainedEdges
{
    /// <summary>The annotation edges, from the entity holding the lineage.</summary>
    public static IReadOnlyList<ExpectedEdge> FromHolders(IEnumerable<WrittenAspect> written) =>
        [.. Holders(written).SelectMany(h => h.Entries.SelectMany(e =>
            Urns(e["upstreams"]).Select(u => new ExpectedEdge(h.Holder, "DownstreamOf", u))
                .Concat(Urns(e["downstreams"]).Select(d => new ExpectedEdge(h.Holder, "Produces", d)))))];

    /// <summary>The column-to-column edges, from each downstream field.</summary>
    public static IReadOnlyList<ExpectedEdge> ColumnToColumn(IEnumerable<WrittenAspect> written) =>
        [.. Holders(written).SelectMany(h => h.Entries
            .TakeWhile(e => e["downstreams"] is JsonArray && e["upstreams"] is JsonArray)
            .SelectMany(e => Urns(e["downstreams"]).SelectMany(d => Urns(e["upstreams"]).Select(u => new ExpectedEdge(d, "DownstreamOf", u)))))];

    private static IEnumerable<(string Holder, List<JsonObject> Entries)> Holders(IEnumerable<WrittenAspect> written) =>
        written.Where(a => !a.IsPatch && a.AspectName is "upstreamLineage" or "dataJobInputOutput")
            .GroupBy(a => (a.Urn, a.AspectName))
            .Select(g => (g.Key.Urn, (g.Last().Value["fineGrainedLineages"] as JsonArray ?? []).OfType<JsonObject>().ToList()));

    private static IEnumerable<string> Urns(JsonNode? list) => (list as JsonArray ?? []).Select(u => u!.GetValue<string>());
}
