using Lineage.Graph.Registry;
using Lineage.Graph.Traversal;

namespace Lineage.Graph.Tests.StoreContract;

/// <summary>An edge as written: the source holds the field; the role says which end is upstream (None: not lineage).</summary>
internal sealed record ReferenceEdge(string Source, string Type, string Target, LineageRole Role);

/// <summary>A whole graph in memory: its edges, the soft-deleted urns and the urns that were written at all.</summary>
internal sealed record ReferenceGraph(IReadOnlyList<ReferenceEdge> Edges, IReadOnlySet<string> Removed, IReadOnlySet<string> Written);

/// <summary>
/// What a store's <c>TraverseAsync</c> should answer, the plain way: a level-by-level breadth-first search over the
/// whole graph in memory. Written from the contract (TraversalQuery, ReachedNode), not from either store.
/// </summary>
internal static class ReferenceWalk
{
    public static TraversalResult Run(ReferenceGraph graph, TraversalQuery query)
    {
        bool Followed(ReferenceEdge e) =>
            e.Role != LineageRole.None && (query.RelationshipTypes.Count == 0 || query.RelationshipTypes.Contains(e.Type));

        // Walking towards the query's direction: an edge goes from its source to its target when its target lies
        // that way (downstream: target is downstream; upstream: target is upstream), else from target to source.
        var forwardRole = query.Direction == LineageDirection.Downstream ? LineageRole.TargetIsDownstream : LineageRole.TargetIsUpstream;
        var steps = new Dictionary<string, List<(string To, string Rel)>>(StringComparer.Ordinal);
        foreach (var e in graph.Edges.Where(Followed))
        {
            var (from, to) = e.Role == forwardRole ? (e.Source, e.Target) : (e.Target, e.Source);
            if (!steps.TryGetValue(from, out var list)) steps[from] = list = [];
            list.Add((to, e.Type));
        }

        var reached = new Dictionary<string, ReachedNode>(StringComparer.Ordinal) { [query.Root] = Node(graph, query.Root, 0, null, null) };
        var frontier = new List<string> { query.Root };
        for (var degree = 1; degree <= query.MaxHops && frontier.Count > 0; degree++)
        {
            // Every way into each new node from this level; the smallest parent, then the smallest relationship, wins.
            var found = new Dictionary<string, (string Parent, string Rel)>(StringComparer.Ordinal);
            foreach (var parent in frontier)
            {
                foreach (var (to, rel) in steps.GetValueOrDefault(parent) ?? [])
                {
                    if (reached.ContainsKey(to)) continue;
                    if (!query.IncludeRemoved && graph.Removed.Contains(to)) continue;
                    if (!found.TryGetValue(to, out var best) || Compare(parent, rel, best.Parent, best.Rel) < 0)
                        found[to] = (parent, rel);
                }
            }
            foreach (var (urn, via) in found) reached[urn] = Node(graph, urn, degree, via.Parent, via.Rel);
            frontier = [.. found.Keys];
        }

        var ordered = reached.Values.OrderBy(n => n.Degree).ThenBy(n => n.Urn, StringComparer.Ordinal).ToList();
        var kept = ordered.Take(query.MaxNodes).ToList();
        var inAnswer = kept.Select(n => n.Urn).ToHashSet(StringComparer.Ordinal);
        var edges = graph.Edges
            .Where(e => Followed(e) && inAnswer.Contains(e.Source) && inAnswer.Contains(e.Target))
            .Select(e => new LineageEdge(e.Source, e.Target, e.Type, e.Role == LineageRole.TargetIsUpstream ? e.Target : e.Source))
            .Distinct()
            .ToList();
        return new TraversalResult(kept, edges, ordered.Count > query.MaxNodes);
    }

    private static ReachedNode Node(ReferenceGraph graph, string urn, int degree, string? parent, string? rel) =>
        new(urn, degree, parent, rel, graph.Removed.Contains(urn), graph.Written.Contains(urn));

    private static int Compare(string parent, string rel, string otherParent, string otherRel)
    {
        var byParent = string.CompareOrdinal(parent, otherParent);
        return byParent != 0 ? byParent : string.CompareOrdinal(rel, otherRel);
    }
}
