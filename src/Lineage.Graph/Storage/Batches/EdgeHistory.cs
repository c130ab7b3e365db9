using Lineage.Graph.Registry;
using Lineage.Graph.Relationships;

namespace Lineage.Graph.Storage.Batches;

/// <summary>
/// What a batch adds to the edge history both stores keep for lineage as of a moment: each lineage edge a rewritten
/// aspect now states begins at the rewrite's time, and the ones it stated before end then. Only lineage edges are
/// kept; owners, tags and the like are read from the aspects' own versions.
/// </summary>
public static class EdgeHistory
{
    /// <summary>An edge beginning at <paramref name="Since"/> (Unix ms).</summary>
    public sealed record BegunEdge(Relationship Edge, long Since);

    /// <summary>The lineage edges the replacements begin, each once per aspect (the last statement of it wins, as in the graph).</summary>
    public static IEnumerable<BegunEdge> BegunBy(IReadOnlyList<EdgeReplacement> replacements) =>
        replacements
            .SelectMany(r => r.Edges.Where(e => e.Lineage != LineageRole.None).Select(e => new BegunEdge(e, r.At)))
            .GroupBy(b => (b.Edge.Source, b.Edge.Aspect, b.Edge.Type, b.Edge.Target, b.Edge.Owner))
            .Select(g => g.Last());
}
