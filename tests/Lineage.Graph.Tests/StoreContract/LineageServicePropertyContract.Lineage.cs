using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Lineage.Graph.Registry;
using Lineage.Graph.Traversal;

namespace Lineage.Graph.Tests.StoreContract;

// Lineage both ways: each node once at its nearer distance, the nearest `limit` kept, and every lineage edge among them.
public abstract partial class LineageServicePropertyContract<TFixture>
{
    [Property(MaxTest = 100)]
    public Property lineage_both_ways_holds_each_node_once_at_its_nearer_distance_and_every_edge_among_them() =>
        // The graph's own walks serve as the questions, their direction left out (both) and their MaxNodes as the limit.
        Prop.ForAll(RandomGraphs.Cases(), graph => Task.Run(() => CheckBothWaysAsync(graph)).GetAwaiter().GetResult());

    private async Task<bool> CheckBothWaysAsync(GraphCase graph)
    {
        var (_, urns, reference, run) = await WriteAsync(graph);
        var service = Service();
        foreach (var q in graph.Questions)
        {
            var root = urns[q.Root];
            var answer = await service.GetLineageAsync(new LineageRequest(root, null, q.MaxHops, q.Types, [], q.IncludeRemoved, q.MaxNodes), Ct);

            // The reference: both walks in full, each node at the nearer of its two distances, nearest first then by urn.
            var merged = new[] { LineageDirection.Upstream, LineageDirection.Downstream }
                .SelectMany(d => ReferenceWalk.Run(reference, new TraversalQuery(root, d, q.MaxHops, q.Types, q.IncludeRemoved, int.MaxValue)).Nodes)
                .GroupBy(n => n.Urn, StringComparer.Ordinal)
                .Select(g => g.MinBy(n => n.Degree)!)
                .OrderBy(n => n.Degree).ThenBy(n => n.Urn, StringComparer.Ordinal)
                .ToList();
            var kept = merged.Take(q.MaxNodes).ToList();
            var keptUrns = kept.Select(n => n.Urn).ToHashSet(StringComparer.Ordinal);

            var differences = new List<string>();
            if (answer.Root.Urn != root || answer.Root.Degree != 0) differences.Add($"root: {answer.Root}");
            var expectedNodes = kept.Skip(1).Select(n => $"{n.Urn} {n.Degree} removed={n.Removed} exists={n.Exists}").ToList();
            var actualNodes = answer.Nodes.Select(n => $"{n.Urn} {n.Degree} removed={n.Removed} exists={n.Exists}").ToList();
            if (!expectedNodes.SequenceEqual(actualNodes))
                differences.Add($"nodes:\n  expected\n    {Lines(expectedNodes)}\n  actual\n    {Lines(actualNodes)}");

            // The service lists every lineage edge (of the asked relationships) whose two ends are both in the answer.
            var expectedEdges = Sorted(reference.Edges
                .Where(e => e.Role != LineageRole.None && (q.Types.Count == 0 || q.Types.Contains(e.Type)))
                .Where(e => keptUrns.Contains(e.Source) && keptUrns.Contains(e.Target))
                .Select(e => new LineageEdge(e.Source, e.Target, e.Type, e.Role == LineageRole.TargetIsUpstream ? e.Target : e.Source))
                .Distinct());
            var actualEdges = Sorted(answer.Edges);
            if (!expectedEdges.SequenceEqual(actualEdges))
                differences.Add($"edges:\n  expected\n    {Lines(expectedEdges)}\n  actual\n    {Lines(actualEdges)}");
            if (answer.Truncated != merged.Count > q.MaxNodes)
                differences.Add($"truncated {answer.Truncated}: {merged.Count} nodes reached (root included), limit {q.MaxNodes}");
            Fail(differences, graph, $"lineage both ways from {q.Root} maxHops={q.MaxHops} types=[{string.Join(",", q.Types)}] includeRemoved={q.IncludeRemoved} limit={q.MaxNodes}", run);
        }
        return true;
    }

    private static List<LineageEdge> Sorted(IEnumerable<LineageEdge> edges) =>
        [.. edges.OrderBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Relationship, StringComparer.Ordinal)
            .ThenBy(e => e.Target, StringComparer.Ordinal).ThenBy(e => e.Upstream, StringComparer.Ordinal)];
}
