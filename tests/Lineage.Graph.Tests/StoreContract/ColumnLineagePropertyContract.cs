using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Lineage.Graph.Registry;
using Lineage.Graph.Traversal;
using Lineage.Graph.Writing;
using Microsoft.Extensions.Options;

namespace Lineage.Graph.Tests.StoreContract;

/// <summary>
/// On random estates with column lineage, written through the write path: every walk — by entity from an entity, by
/// column from a column or when asked — is what <see cref="ColumnReferenceWalk"/> finds over the edges the estate
/// states, and an answer by entity holds no column.
/// </summary>
public abstract class ColumnLineagePropertyContract<TFixture>(TFixture fx) : IClassFixture<TFixture> where TFixture : StoreFixture
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly MetadataWriter _writer = new(fx.Store, MetadataRegistry.Default);

    [Property(MaxTest = 100)]
    public Property every_walk_is_what_a_breadth_first_search_over_the_stated_edges_finds() =>
        // The store is async and FsCheck checks synchronously: run each case on the pool, off xunit's context.
        Prop.ForAll(ColumnEstate.Cases(), estate => Task.Run(() => CheckAsync(estate)).GetAwaiter().GetResult());

    private async Task<bool> CheckAsync(ColumnEstate estate)
    {
        var run = Guid.NewGuid().ToString("N")[..12];
        var proposals = estate.Proposals(run);
        await _writer.ApplyAsync(proposals, i => $"proposals[{i}]", Ops.Actor, Ct);
        var written = proposals.Select(p => p.EntityUrn!).ToHashSet(StringComparer.Ordinal);
        var edges = estate.Edges(run);
        var walk = new LineageWalk(fx.Store);

        foreach (var q in estate.Questions)
        {
            var root = ColumnEstate.Urn(run, q.Root);
            var granularity = LineageService.GranularityFor(root, q.Granularity);
            var expected = ColumnReferenceWalk.Run(edges, written, root, q.Direction, q.MaxHops, granularity, q.MaxNodes);
            var actual = await walk.TraverseAsync(new TraversalQuery(root, q.Direction, q.MaxHops, [], false, q.MaxNodes, granularity), Ct);

            var differences = new List<string>();
            if (!expected.Nodes.SequenceEqual(actual.Nodes))
                differences.Add($"nodes:\n  expected\n    {Lines(expected.Nodes)}\n  actual\n    {Lines(actual.Nodes)}");
            if (!Sorted(expected.Edges).SequenceEqual(Sorted(actual.Edges)))
                differences.Add($"edges:\n  expected\n    {Lines(Sorted(expected.Edges))}\n  actual\n    {Lines(Sorted(actual.Edges))}");
            if (expected.Truncated != actual.Truncated) differences.Add($"truncated: expected {expected.Truncated}, actual {actual.Truncated}");
            if (granularity == LineageGranularity.Entity && actual.Nodes.Skip(1).Any(n => Columns.IsColumn(n.Urn)))
                differences.Add("an answer by entity holds a column");
            if (differences.Count > 0)
            {
                throw new Xunit.Sdk.XunitException(
                    $"{estate}\nwalk from {q.Root} {q.Direction} by {granularity}, maxHops {q.MaxHops}:\n{string.Join("\n", differences)}".Replace(run, "·"));
            }
        }
        return true;
    }

    private static List<LineageEdge> Sorted(IEnumerable<LineageEdge> edges) =>
        [.. edges.OrderBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Relationship, StringComparer.Ordinal)
            .ThenBy(e => e.Target, StringComparer.Ordinal)];

    private static string Lines<T>(IEnumerable<T> items) => string.Join("\n    ", items);
}
