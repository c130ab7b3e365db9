using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Lineage.Graph.Registry;
using Lineage.Graph.Relationships;
using Lineage.Graph.Storage;
using Lineage.Graph.Traversal;
using Microsoft.Extensions.Options;

namespace Lineage.Graph.Tests.StoreContract;

/// <summary>
/// Lineage as of a moment over each store: a random sequence of timed changes (an aspect's lineage edges rewritten or
/// deleted, an entity soft-deleted or restored, several at one millisecond), written through a store whose clock the
/// test sets; then, at every moment a change happened and the millisecond before it, lineage both ways from each
/// node must equal a breadth-first search (<see cref="ReferenceWalk"/>) over the edges current at that moment.
/// </summary>
public abstract class AsOfLineagePropertyContract<TFixture>(TFixture fx) : IClassFixture<TFixture> where TFixture : StoreFixture
{
    private static readonly string[] Aspects = ["upstreamLineage", "dataJobInputOutput"];
    private static readonly string[] Types = ["Consumes", "DownstreamOf", "Produces"];
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private IGraphStore? _store;
    private readonly SetClock _clock = new();

    [Property(MaxTest = 40)]
    public Property lineage_as_of_each_moment_is_a_search_over_the_edges_current_then() =>
        // The store is async and FsCheck checks synchronously: run each case on the pool, off xunit's context.
        Prop.ForAll(Timelines().ToArbitrary(), t => Task.Run(() => CheckAsync(t)).GetAwaiter().GetResult());

    private async Task<bool> CheckAsync(Timeline timeline)
    {
        _store ??= await fx.OpenAnotherAsync(_clock);
        var run = Guid.NewGuid().ToString("N")[..12];
        var urns = Enumerable.Range(0, timeline.Nodes).Select(i => $"urn:li:dataset:(urn:li:dataPlatform:hive,{run}.n{i},PROD)").ToArray();
        // Each case starts a day after the last: the clock only ever moves forward, as a store's does.
        var day = _clock.Now == default ? Start : _clock.Now.AddDays(1);
        DateTimeOffset At(int millis) => day.AddMilliseconds(millis);

        foreach (var batch in timeline.Changes.GroupBy(c => (c.At, c.Batch)))
        {
            _clock.Now = At(batch.Key.At);
            await _store.WriteAsync([.. batch.Select(c => Operation(c, urns))], CancellationToken.None);
        }

        var service = new LineageService(_store, Options.Create(new TraversalOptions()));
        var moments = timeline.Changes.Select(c => c.At).Distinct().SelectMany(t => new[] { t - 1, t }).Distinct().Order();
        foreach (var millis in moments)
        {
            var reference = ReferenceAt(timeline, urns, millis);
            foreach (var root in urns)
            {
                var answer = await service.GetLineageAsync(
                    new LineageRequest(root, null, timeline.MaxHops, [], [], timeline.IncludeRemoved, 1000, AsOf: LineageTime.At(At(millis))), CancellationToken.None);
                var expected = new[] { LineageDirection.Upstream, LineageDirection.Downstream }
                    .SelectMany(d => ReferenceWalk.Run(reference, new TraversalQuery(root, d, timeline.MaxHops, [], timeline.IncludeRemoved, int.MaxValue)).Nodes)
                    .GroupBy(n => n.Urn, StringComparer.Ordinal)
                    .Select(g => g.MinBy(n => n.Degree)!)
                    .OrderBy(n => n.Degree).ThenBy(n => n.Urn, StringComparer.Ordinal)
                    .ToList();
                var kept = expected.Select(n => n.Urn).ToHashSet(StringComparer.Ordinal);
                var expectedNodes = expected.Skip(1).Select(n => $"{n.Urn} {n.Degree} removed={n.Removed} exists={n.Exists}").ToList();
                var actualNodes = answer.Nodes.Select(n => $"{n.Urn} {n.Degree} removed={n.Removed} exists={n.Exists}").ToList();
                var expectedEdges = reference.Edges
                    .Where(e => kept.Contains(e.Source) && kept.Contains(e.Target))
                    .Select(e => $"{e.Source} -{e.Type}-> {e.Target} upstream={(e.Role == LineageRole.TargetIsUpstream ? e.Target : e.Source)}")
                    .Distinct().Order(StringComparer.Ordinal).ToList();
                var actualEdges = answer.Edges.Select(e => $"{e.Source} -{e.Relationship}-> {e.Target} upstream={e.Upstream}")
                    .Order(StringComparer.Ordinal).ToList();
                if (!expectedNodes.SequenceEqual(actualNodes) || !expectedEdges.SequenceEqual(actualEdges))
                {
                    var message = $"{timeline}lineage of n{Array.IndexOf(urns, root)} as of {millis}:\n" +
                        $"  nodes expected\n    {string.Join("\n    ", expectedNodes)}\n  nodes actual\n    {string.Join("\n    ", actualNodes)}\n" +
                        $"  edges expected\n    {string.Join("\n    ", expectedEdges)}\n  edges actual\n    {string.Join("\n    ", actualEdges)}";
                    throw new Xunit.Sdk.XunitException(
                        message.Replace($"urn:li:dataset:(urn:li:dataPlatform:hive,{run}.", "(").Replace(",PROD)", ")"));
                }
            }
        }
        return true;
    }

    /// <summary>The graph as the changes up to <paramref name="millis"/> left it, the later of two at one moment winning.</summary>
    private static ReferenceGraph ReferenceAt(Timeline timeline, string[] urns, int millis)
    {
        var aspects = new Dictionary<(int Node, int Aspect), IReadOnlyList<TimedEdge>>();
        var removed = new HashSet<string>(StringComparer.Ordinal);
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in timeline.Changes.Where(c => c.At <= millis))
        {
            switch (change.Kind)
            {
                case ChangeKind.Rewrite:
                    aspects[(change.Node, change.Aspect)] = change.Edges;
                    written.Add(urns[change.Node]);
                    break;
                case ChangeKind.Delete:
                    aspects.Remove((change.Node, change.Aspect));
                    break;
                case ChangeKind.Remove or ChangeKind.Restore:
                    if (change.Kind == ChangeKind.Remove) removed.Add(urns[change.Node]);
                    else removed.Remove(urns[change.Node]);
                    written.Add(urns[change.Node]);
                    break;
            }
        }
        var edges = aspects.SelectMany(a => a.Value.Select(e => new ReferenceEdge(urns[a.Key.Node], e.Type, urns[e.Target], e.Role)))
            .Distinct()
            .ToList();
        return new ReferenceGraph(edges, removed, written);
    }

    private static StoreOperation Operation(TimedChange change, string[] urns)
    {
        var urn = urns[change.Node];
        var aspect = Aspects[change.Aspect];
        return change.Kind switch
        {
            ChangeKind.Rewrite => Ops.Upsert(urn, aspect, $$"""{"stated": "{{Guid.NewGuid():N}}"}""") with
            {
                Edges = [.. change.Edges.Select(e => new Relationship(urn, e.Type, urns[e.Target], aspect, e.Role))],
            },
            ChangeKind.Delete => Ops.Delete(urn, aspect),
            ChangeKind.Remove => Ops.Status(urn, true),
            _ => Ops.Status(urn, false),
        };
    }

    private enum ChangeKind { Rewrite, Delete, Remove, Restore }

    /// <summary>A lineage edge an aspect states: its relationship, the node it names and which end is upstream.</summary>
    private sealed record TimedEdge(string Type, int Target, LineageRole Role);

    /// <summary>One change at <see cref="At"/> ms into the case; changes of one moment and batch are written together.</summary>
    private sealed record TimedChange(int At, int Batch, ChangeKind Kind, int Node, int Aspect, IReadOnlyList<TimedEdge> Edges)
    {
        public override string ToString() => Kind switch
        {
            ChangeKind.Rewrite => $"@{At}/{Batch} n{Node}.{Aspects[Aspect]} = [{string.Join(", ", Edges.Select(e => $"{e.Type}->n{e.Target} {e.Role}"))}]",
            ChangeKind.Delete => $"@{At}/{Batch} n{Node}.{Aspects[Aspect]} deleted",
            _ => $"@{At}/{Batch} n{Node} {Kind}",
        };
    }

    private sealed record Timeline(int Nodes, IReadOnlyList<TimedChange> Changes, int MaxHops, bool IncludeRemoved)
    {
        public override string ToString() =>
            $"{Nodes} nodes, maxHops {MaxHops}, includeRemoved {IncludeRemoved}:\n  {string.Join("\n  ", Changes)}\n";
    }

    private static Gen<Timeline> Timelines() =>
        from nodes in Gen.Choose(2, 6)
        from count in Gen.Choose(1, 12)
        from steps in Gen.ArrayOf(Gen.Choose(0, 2), count)
        from batches in Gen.ArrayOf(Gen.Choose(0, 1), count)
        from changes in Gen.ArrayOf(Change(nodes), count)
        from maxHops in Gen.Choose(1, 4)
        from includeRemoved in Gen.Elements(false, true)
        select new Timeline(nodes, Sequence(steps, batches, changes), maxHops, includeRemoved);

    /// <summary>Gives the changes their moments, each 0–2 ms after the last, and their batch within one moment.</summary>
    private static List<TimedChange> Sequence(int[] steps, int[] batches, TimedChange[] changes)
    {
        var (at, batch, timed) = (10, 0, new List<TimedChange>());
        for (var i = 0; i < changes.Length; i++)
        {
            batch = steps[i] > 0 ? 0 : batch + batches[i];
            at += steps[i];
            timed.Add(changes[i] with { At = at, Batch = batch });
        }
        return timed;
    }

    private static Gen<TimedChange> Change(int nodes) =>
        from kind in Gen.Frequency((6, Gen.Constant(ChangeKind.Rewrite)), (2, Gen.Constant(ChangeKind.Delete)),
            (1, Gen.Constant(ChangeKind.Remove)), (1, Gen.Constant(ChangeKind.Restore)))
        from node in Gen.Choose(0, nodes - 1)
        from aspect in Gen.Choose(0, Aspects.Length - 1)
        from edgeCount in Gen.Choose(0, 3)
        from edges in Gen.ArrayOf(Edge(nodes), edgeCount)
        select new TimedChange(0, 0, kind, node, aspect, [.. edges.DistinctBy(e => (e.Type, e.Target))]);

    // One role per relationship, as in the registry: a node stating one edge in both aspects states it the same way.
    private static Gen<TimedEdge> Edge(int nodes) =>
        from type in Gen.Elements(Types)
        from target in Gen.Choose(0, nodes - 1)
        select new TimedEdge(type, target, type == "Produces" ? LineageRole.TargetIsDownstream : LineageRole.TargetIsUpstream);

    /// <summary>The store's clock, set by the test before each write.</summary>
    private sealed class SetClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
