namespace Lineage.Graph.Traversal;

/// <summary>
/// The parent of each node of a walk: among the nodes one hop nearer the root with an edge leading to it in the
/// walk's direction, the smallest urn, then the smallest relationship name — the rule every store follows.
/// </summary>
public static class ParentChooser
{
    public static IReadOnlyDictionary<string, (string? Parent, string? Relationship)> Choose(
        IReadOnlyDictionary<string, int> degrees, IEnumerable<LineageEdge> edges, LineageDirection direction)
    {
        var chosen = new Dictionary<string, (string? Parent, string? Relationship)>(StringComparer.Ordinal);
        foreach (var edge in edges)
        {
            // Walking downstream a node is reached from its upstream end; walking upstream, from its downstream end.
            var (from, to) = direction == LineageDirection.Downstream ? (edge.Upstream, edge.Downstream) : (edge.Downstream, edge.Upstream);
            if (!degrees.TryGetValue(from, out var fromDegree) || !degrees.TryGetValue(to, out var toDegree) || fromDegree + 1 != toDegree) continue;
            if (!chosen.TryGetValue(to, out var best) || IsSmaller(from, edge.Relationship, best.Parent!, best.Relationship!))
                chosen[to] = (from, edge.Relationship);
        }
        return chosen;
    }

    private static bool IsSmaller(string parent, string relationship, string thanParent, string thanRelationship)
    {
        var byParent = string.CompareOrdinal(parent, thanParent);
        return byParent < 0 || (byParent == 0 && string.CompareOrdinal(relationship, thanRelationship) < 0);
    }
}
