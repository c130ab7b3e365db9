using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Lineage.Graph.Traversal;

namespace Lineage.Graph.Tests.StoreContract;

// The path between two entities: the nearer of the two directions (a tie goes downstream), never through a removed node.
public abstract partial class LineageServicePropertyContract<TFixture>
{
    [Property(MaxTest = 100)]
    public Property a_path_is_the_shortest_chain_either_way_and_none_only_when_neither_way_reaches() =>
        Prop.ForAll(ServiceCases.Paths(), c => Task.Run(() => CheckPathsAsync(c)).GetAwaiter().GetResult());

    private async Task<bool> CheckPathsAsync(ServiceCase<PathQuestion> c)
    {
        var (_, urns, reference, run) = await WriteAsync(c.Graph);
        var service = Service();
        foreach (var q in c.Questions)
        {
            var (from, to) = (urns[q.From], urns[q.To]);
            var answer = await service.FindPathAsync(from, to, q.MaxHops, Ct);
            var differences = new List<string>();
            if (from == to)
            {
                if (answer is not { Direction: LineageDirection.Downstream, Path.Hops: 0 } || !answer.Path.Urns.SequenceEqual([from]))
                    differences.Add($"from a node to itself: expected the 0-hop downstream path, got {Describe(answer)}");
                Fail(differences, c.Graph, q, run);
                continue;
            }

            // The path search walks each way without stepping into soft-deleted nodes (the start may be one).
            var down = Distance(reference, from, to, LineageDirection.Downstream, q.MaxHops);
            var up = Distance(reference, from, to, LineageDirection.Upstream, q.MaxHops);
            if (down is null && up is null)
            {
                if (answer is not null) differences.Add($"expected no path, got {Describe(answer)}");
            }
            else
            {
                var (direction, hops) = down is { } d && (up is not { } u || d <= u)
                    ? (LineageDirection.Downstream, d)
                    : (LineageDirection.Upstream, up!.Value);
                if (answer is null)
                    differences.Add($"expected a {direction} path of {hops} hops (downstream {down}, upstream {up}), got none");
                else if (answer.From != from || answer.To != to || answer.Direction != direction)
                    differences.Add($"expected a {direction} path of {hops} hops (downstream {down}, upstream {up}), got {Describe(answer)}");
                else if (ChainProblem(reference, answer.Path, from, to, hops, direction, avoidRemoved: true) is { } problem)
                    differences.Add($"{direction} path (downstream {down}, upstream {up}): {problem}");
            }
            Fail(differences, c.Graph, q, run);
        }
        return true;
    }

    /// <summary>Hops from one node to another the given way, not into soft-deleted nodes; null when not within maxHops.</summary>
    private static int? Distance(ReferenceGraph reference, string from, string to, LineageDirection direction, int maxHops) =>
        ReferenceWalk.Run(reference, new TraversalQuery(from, direction, maxHops, [], false, int.MaxValue)).Nodes
            .FirstOrDefault(n => n.Urn == to)?.Degree;

    private static string Describe(PathAnswer? answer) => answer is null
        ? "none"
        : $"{answer.Direction} {answer.From} → {answer.To}, {answer.Path.Hops} hops: {string.Join(" ", answer.Path.Urns)} via {string.Join(",", answer.Path.Relationships)}";
}
