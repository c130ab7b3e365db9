using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Lineage.Graph.Traversal;

namespace Lineage.Graph.Tests.StoreContract;

/// <summary>
/// On random graphs — cycles, self-loops, both lineage roles and non-lineage edges, soft-deleted nodes, targets never
/// ingested — every walk a store answers is exactly what a plain breadth-first search over the graph gives.
/// </summary>
public abstract class TraversalPropertyContract<TFixture>(TFixture fx) : IClassFixture<TFixture> where TFixture : StoreFixture
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Property(MaxTest = 300)]
    public Property every_walk_is_what_a_plain_breadth_first_search_finds() =>
        // The store is async and FsCheck checks synchronously: run each case on the pool, off xunit's context.
        Prop.ForAll(RandomGraphs.Cases(), graph => Task.Run(() => CheckAsync(graph)).GetAwaiter().GetResult());

    private async Task<bool> CheckAsync(GraphCase graph)
    {
        var run = Guid.NewGuid().ToString("N")[..12];
        var urns = graph.Urns(run);
        await fx.Store.WriteAsync(graph.Operations(urns), Ct);
        var reference = graph.Reference(urns);
        foreach (var question in graph.Questions)
        {
            var query = graph.Query(urns, question);
            var expected = ReferenceWalk.Run(reference, query);
            var actual = await new LineageWalk(fx.Store).TraverseAsync(query, Ct);
            var differences = Differences(expected, actual);
            if (differences.Count > 0)
            {
                throw new Xunit.Sdk.XunitException(
                    $"{graph}\nwalk from {question.Root} {question.Direction}, maxHops {question.MaxHops}: {string.Join("\n", differences)}"
                        .Replace(run, "·"));
            }
        }
        return true;
    }

    private static List<string> Differences(TraversalResult expected, TraversalResult actual)
    {
        var differences = new List<string>();
        if (!expected.Nodes.SequenceEqual(actual.Nodes))
            differences.Add($"nodes:\n  expected\n    {Lines(expected.Nodes)}\n  actual\n    {Lines(actual.Nodes)}");
        var (expectedEdges, actualEdges) = (Sorted(expected.Edges), Sorted(actual.Edges));
        if (!expectedEdges.SequenceEqual(actualEdges))
            differences.Add($"edges:\n  expected\n    {Lines(expectedEdges)}\n  actual\n    {Lines(actualEdges)}");
        if (expected.Truncated != actual.Truncated)
            differences.Add($"truncated: expected {expected.Truncated}, actual {actual.Truncated}");
        return differences;
    }

    private static List<LineageEdge> Sorted(IEnumerable<LineageEdge> edges) =>
        [.. edges.OrderBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Relationship, StringComparer.Ordinal)
            .ThenBy(e => e.Target, StringComparer.Ordinal).ThenBy(e => e.Upstream, StringComparer.Ordinal)];

    private static string Lines<T>(IEnumerable<T> items) => string.Join("\n    ", items);
}
