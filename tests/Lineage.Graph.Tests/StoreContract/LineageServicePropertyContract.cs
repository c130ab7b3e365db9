using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Lineage.Graph.Registry;
using Lineage.Graph.Traversal;
using Microsoft.Extensions.Options;

namespace Lineage.Graph.Tests.StoreContract;

/// <summary>
/// The answers of <see cref="LineageService"/> over each store, on the random graphs of <see cref="RandomGraphs"/>
/// (cycles, self-loops, both lineage roles and non-lineage edges, soft-deleted nodes, targets never ingested), checked
/// against distances from <see cref="ReferenceWalk"/>: impact, the path between two entities, and lineage both ways.
/// </summary>
public abstract partial class LineageServicePropertyContract<TFixture>(TFixture fx) : IClassFixture<TFixture> where TFixture : StoreFixture
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Property(MaxTest = 100)]
    public Property impact_is_everything_a_downstream_search_through_removed_nodes_reaches() =>
        // The store is async and FsCheck checks synchronously: run each case on the pool, off xunit's context.
        Prop.ForAll(ServiceCases.Impact(), c => Task.Run(() => CheckImpactAsync(c)).GetAwaiter().GetResult());

    private async Task<bool> CheckImpactAsync(ServiceCase<ImpactQuestion> c)
    {
        var (graph, urns, reference, run) = await WriteAsync(c.Graph);
        var entityTypeOf = EntityTypes(graph, urns);
        foreach (var q in c.Questions)
        {
            var root = urns[q.Root];
            var report = await Service(q.MaxNodes).GetImpactAsync(root, q.MaxHops, q.EntityTypes, Ct);

            // Impact walks through soft-deleted nodes; the service keeps the nearest MaxNodes (root included).
            var reached = ReferenceWalk.Run(reference, new TraversalQuery(root, LineageDirection.Downstream, q.MaxHops, [], true, int.MaxValue)).Nodes;
            var expected = reached.Take(q.MaxNodes).Skip(1)
                .Where(n => q.EntityTypes.Count == 0 || q.EntityTypes.Contains(entityTypeOf[n.Urn]))
                .ToDictionary(n => n.Urn, StringComparer.Ordinal);

            var differences = new List<string>();
            if (report.Root.Urn != root || report.Root.Degree != 0) differences.Add($"root: {report.Root}");
            var actual = report.Affected.Select(a => a.Entity.Urn).ToList();
            if (actual.Distinct(StringComparer.Ordinal).Count() != actual.Count) differences.Add($"an entity appears twice:\n    {Lines(actual)}");
            var missing = expected.Keys.Except(actual, StringComparer.Ordinal).ToList();
            var extra = actual.Except(expected.Keys, StringComparer.Ordinal).ToList();
            if (missing.Count > 0) differences.Add($"missing:\n    {Lines(missing.Select(u => $"{u} at {expected[u].Degree}"))}");
            if (extra.Count > 0) differences.Add($"not expected:\n    {Lines(extra)}");
            foreach (var a in report.Affected.Where(a => expected.ContainsKey(a.Entity.Urn)))
            {
                var want = expected[a.Entity.Urn];
                var entity = a.Entity;
                if (entity.Degree != want.Degree || entity.Removed != want.Removed || entity.Exists != want.Exists || entity.EntityType != entityTypeOf[entity.Urn])
                    differences.Add($"{entity.Urn}: expected degree {want.Degree}, removed {want.Removed}, exists {want.Exists}; got {entity}");
                if (ChainProblem(reference, a.Path, root, entity.Urn, want.Degree, LineageDirection.Downstream, avoidRemoved: false) is { } problem)
                    differences.Add($"path to {entity.Urn}: {problem}");
            }

            var counts = expected.Values.GroupBy(n => entityTypeOf[n.Urn]).ToDictionary(g => g.Key, g => g.Count());
            if (report.Total != expected.Count || report.Total != report.Affected.Count)
                differences.Add($"total {report.Total}: expected {expected.Count}, {report.Affected.Count} listed");
            if (report.CountsByType.Count != counts.Count || counts.Any(kv => report.CountsByType.GetValueOrDefault(kv.Key) != kv.Value))
                differences.Add($"counts by type: expected {Pairs(counts)}, got {Pairs(report.CountsByType)}");
            if (report.Removed != expected.Values.Count(n => n.Removed) || report.Deprecated != 0)
                differences.Add($"removed {report.Removed}, deprecated {report.Deprecated}: expected {expected.Values.Count(n => n.Removed)} and 0");
            if (report.Truncated != reached.Count > q.MaxNodes)
                differences.Add($"truncated {report.Truncated}: {reached.Count} nodes reached (root included), MaxNodes {q.MaxNodes}");
            Fail(differences, c.Graph, q, run);
        }
        return true;
    }

    /// <summary>The service over the fixture's store, answering at most <paramref name="maxNodes"/> nodes.</summary>
    private LineageService Service(int maxNodes = 10_000) =>
        new(fx.Store, Options.Create(new TraversalOptions { MaxNodes = maxNodes }));

    /// <summary>Writes the graph under fresh urns: its urns, the reference view of it and the run prefix (left out of messages).</summary>
    private async Task<(GraphCase Graph, string[] Urns, ReferenceGraph Reference, string Run)> WriteAsync(GraphCase graph)
    {
        var run = Guid.NewGuid().ToString("N")[..12];
        var urns = graph.Urns(run);
        await fx.Store.WriteAsync(graph.Operations(urns), Ct);
        return (graph, urns, graph.Reference(urns), run);
    }

    private static Dictionary<string, string> EntityTypes(GraphCase graph, string[] urns) =>
        Enumerable.Range(0, urns.Length).ToDictionary(i => urns[i], i => graph.Nodes[i].EntityType, StringComparer.Ordinal);

    /// <summary>
    /// What is wrong with a path that should go from <paramref name="from"/> to <paramref name="to"/> in
    /// <paramref name="hops"/> lineage hops, each along a real edge the <paramref name="direction"/> way; null if nothing.
    /// </summary>
    private static string? ChainProblem(
        ReferenceGraph graph, LineagePath path, string from, string to, int hops, LineageDirection direction, bool avoidRemoved)
    {
        var text = $"{string.Join(" ", path.Urns.Zip(path.Relationships.Append(""), (u, r) => $"{u} -{r}->"))}";
        if (path.Urns.Count != path.Relationships.Count + 1) return $"{path.Urns.Count} urns and {path.Relationships.Count} relationships: {text}";
        if (path.Urns[0] != from || path.Urns[^1] != to) return $"does not run from {from} to {to}: {text}";
        if (path.Hops != hops) return $"{path.Hops} hops, expected {hops}: {text}";
        for (var i = 0; i < path.Hops; i++)
        {
            if (!IsStep(graph, path.Urns[i], path.Relationships[i], path.Urns[i + 1], direction))
                return $"hop {i} ({path.Urns[i]} -{path.Relationships[i]}-> {path.Urns[i + 1]}) is no {direction} lineage edge: {text}";
            if (avoidRemoved && graph.Removed.Contains(path.Urns[i + 1]))
                return $"hop {i} steps into the removed {path.Urns[i + 1]}: {text}";
        }
        return null;
    }

    /// <summary>Whether a lineage edge of type <paramref name="relationship"/> leads from one node to the other the given way.</summary>
    private static bool IsStep(ReferenceGraph graph, string from, string relationship, string to, LineageDirection direction)
    {
        // Downstream, the step's far end is the downstream one: the target of a TargetIsDownstream edge, the source of a TargetIsUpstream one.
        var forward = direction == LineageDirection.Downstream ? LineageRole.TargetIsDownstream : LineageRole.TargetIsUpstream;
        var backward = direction == LineageDirection.Downstream ? LineageRole.TargetIsUpstream : LineageRole.TargetIsDownstream;
        return graph.Edges.Any(e => e.Type == relationship &&
            ((e.Source == from && e.Target == to && e.Role == forward) || (e.Source == to && e.Target == from && e.Role == backward)));
    }

    private static void Fail(List<string> differences, GraphCase graph, object question, string run)
    {
        if (differences.Count > 0)
            throw new Xunit.Sdk.XunitException($"{graph}{question}:\n  {string.Join("\n  ", differences)}".Replace(run, "·"));
    }

    private static string Pairs<TValue>(IEnumerable<KeyValuePair<string, TValue>> pairs) =>
        $"{{{string.Join(", ", pairs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}"))}}}";

    private static string Lines<T>(IEnumerable<T> items) => string.Join("\n    ", items);
}
