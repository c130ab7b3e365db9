using Lineage.Graph.Registry;
using Lineage.Graph.Relationships;
using Lineage.Graph.Traversal;

namespace Lineage.Graph.Tests.StoreContract;

/// <summary>
/// What a walk over an estate with columns should answer, the plain way: a breadth-first search over every stated edge
/// in memory, written from the rules of the two granularities rather than from the walk.
/// <list type="bullet">
/// <item>By entity, a node's columns step with it, a column at the far end stands for its dataset, and a step that
/// stays within one entity is none.</item>
/// <item>By column, a node steps along the edges that name it; a step to a dataset is dropped when the same node also
/// steps to one of that dataset's columns.</item>
/// </list>
/// </summary>
internal static class ColumnReferenceWalk
{
    public static TraversalResult Run(
        IReadOnlyList<(string Source, string Type, string Target, LineageRole Role, ColumnMapping? Mapping)> edges,
        IReadOnlySet<string> written, string root, LineageDirection direction, int maxHops, LineageGranularity granularity, int maxNodes)
    {
        var lineage = edges.Where(e => e.Role != LineageRole.None).ToList();
        var towards = direction == LineageDirection.Downstream ? LineageRole.TargetIsDownstream : LineageRole.TargetIsUpstream;
        var byEntity = granularity == LineageGranularity.Entity;

        IEnumerable<(string To, string Rel)> Steps(string node)
        {
            var raw = lineage
                .Select(e => e.Role == towards ? (Near: e.Source, Far: e.Target, e.Type) : (Near: e.Target, Far: e.Source, e.Type))
                .Where(s => s.Near == node || (byEntity && ParentOf(s.Near) == node))
                .ToList();
            if (byEntity)
                return raw.Select(s => (To: ParentOf(s.Far) ?? s.Far, Rel: s.Type)).Where(s => s.To != node);
            var columnDatasets = raw.Select(s => ParentOf(s.Far)).OfType<string>().ToHashSet();
            return raw.Where(s => !columnDatasets.Contains(s.Far)).Select(s => (To: s.Far, Rel: s.Type));
        }

        var reached = new Dictionary<string, ReachedNode>(StringComparer.Ordinal) { [root] = new(root, 0, null, null, false, written.Contains(root)) };
        var frontier = new List<string> { root };
        for (var degree = 1; degree <= maxHops && frontier.Count > 0; degree++)
        {
            var found = new Dictionary<string, (string Parent, string Rel)>(StringComparer.Ordinal);
            foreach (var parent in frontier)
            foreach (var (to, rel) in Steps(parent))
            {
                if (reached.ContainsKey(to)) continue;
                if (!found.TryGetValue(to, out var best) || Compare(parent, rel, best.Parent, best.Rel) < 0) found[to] = (parent, rel);
            }
            foreach (var (urn, via) in found) reached[urn] = new ReachedNode(urn, degree, via.Parent, via.Rel, false, written.Contains(urn));
            frontier = [.. found.Keys];
        }

        var ordered = reached.Values.OrderBy(n => n.Degree).ThenBy(n => n.Urn, StringComparer.Ordinal).ToList();
        var kept = ordered.Take(maxNodes).ToList();
        var inAnswer = kept.Select(n => n.Urn).ToHashSet(StringComparer.Ordinal);
        string? Among(string urn) => inAnswer.Contains(urn) ? urn : byEntity && ParentOf(urn) is { } p && inAnswer.Contains(p) ? p : null;

        var answerEdges = new Dictionary<(string, string, string), LineageEdge>();
        foreach (var e in lineage)
        {
            if (Among(e.Source) is not { } source || Among(e.Target) is not { } target) continue;
            var rolled = source != e.Source || target != e.Target;
            if (rolled && source == target) continue;
            var upstream = e.Role == LineageRole.TargetIsUpstream ? target : source;
            answerEdges.TryAdd((source, e.Type, target), new LineageEdge(source, target, e.Type, upstream) { Mapping = rolled ? null : e.Mapping });
        }
        return new TraversalResult(kept, [.. answerEdges.Values], ordered.Count > maxNodes);
    }

    // The estates' column names have no comma, so a column's dataset is everything between "(" and the last comma.
    private static string? ParentOf(string urn) =>
        urn.StartsWith("urn:li:schemaField:(", StringComparison.Ordinal) ? urn["urn:li:schemaField:(".Length..urn.LastIndexOf(',')] : null;

    private static int Compare(string parent, string rel, string otherParent, string otherRel)
    {
        var byParent = string.CompareOrdinal(parent, otherParent);
        return byParent != 0 ? byParent : string.CompareOrdinal(rel, otherRel);
    }
}
