using Lineage.Graph.Errors;
using Lineage.Graph.Urns;

namespace Lineage.Graph.Traversal;

// The path between two entities: both directions walked a level at a time, stopping at the first level that reaches
// the target, so a target one hop from a hub costs one hop of the hub, not its whole closure.
public sealed partial class LineageService
{
    /// <summary>
    /// The shortest lineage path from one entity to another, downstream or upstream (a tie goes to downstream); null
    /// when there is none within <paramref name="maxHops"/>. <c>from == to</c> is the 0-hop path of that entity.
    /// Each direction is searched among at most <see cref="TraversalOptions.MaxNodes"/> nodes: a search that outgrows
    /// them before it reaches <c>to</c> does not know the answer, and says so with a <see cref="NotFoundException"/>.
    /// </summary>
    public async Task<PathAnswer?> FindPathAsync(string fromText, string toText, int maxHops, CancellationToken ct)
    {
        var from = Urn.Parse(fromText, "from").ToString();
        var to = Urn.Parse(toText, "to").ToString();
        CheckHops(maxHops);
        if (from == to) return new PathAnswer(from, to, LineageDirection.Downstream, new LineagePath([from], []));
        return await WithinTimeoutAsync(deadline => SearchPathAsync(from, to, maxHops, deadline), ct);
    }

    private async Task<PathAnswer?> SearchPathAsync(string from, string to, int maxHops, CancellationToken ct)
    {
        PathWalk[] walks = [new(from, LineageDirection.Downstream), new(from, LineageDirection.Upstream)];
        for (var depth = 1; depth <= maxHops && walks.Any(w => w.Frontier.Count > 0); depth++)
        {
            foreach (var walk in walks.Where(w => w.Frontier.Count > 0))
            {
                // One more than the room left tells a level that fits from one cut short.
                var room = _options.MaxNodes + 1 - walk.Degrees.Count;
                var next = await store.StepAsync(new LineageStep(walk.Frontier, walk.Direction, [], false, walk.Degrees.Keys, room), ct);
                if (next.Contains(to, StringComparer.Ordinal))
                {
                    walk.Degrees[to] = depth;
                    return new PathAnswer(from, to, walk.Direction, await ExplainAsync(walk, to, ct));
                }
                walk.Capped = next.Count >= room;
                walk.Frontier = walk.Capped ? [] : next;
                foreach (var urn in walk.Frontier) walk.Degrees[urn] = depth;
            }
            // Every level nearer than this one is whole in both directions, so a path found at this level is still the
            // shortest; past it, one direction's view is cut short and a longer path could not be called the shortest.
            if (walks.Any(w => w.Capped))
                throw new NotFoundException(
                    $"no lineage path between {from} and {to} found among the {_options.MaxNodes} nearest nodes each way " +
                    $"(Lineage:Traversal:MaxNodes); the search stopped there, {depth} hops out, so a longer path may exist");
        }
        return null;
    }

    /// <summary>The path to <paramref name="to"/>, from the parents the edges among the nodes nearer than it give.</summary>
    private async Task<LineagePath> ExplainAsync(PathWalk walk, string to, CancellationToken ct)
    {
        var depth = walk.Degrees[to];
        var degrees = walk.Degrees.Where(n => n.Value < depth || n.Key == to).ToDictionary(StringComparer.Ordinal);
        var edges = await store.GetLineageEdgesAmongAsync(degrees.Keys, [], ct);
        var parents = ParentChooser.Choose(degrees, edges, walk.Direction);
        return PathTo(to, urn => parents.GetValueOrDefault(urn));
    }

    /// <summary>One direction of the path search: the nodes reached with their hops, and the last level's.</summary>
    private sealed class PathWalk(string from, LineageDirection direction)
    {
        public LineageDirection Direction { get; } = direction;
        public Dictionary<string, int> Degrees { get; } = new(StringComparer.Ordinal) { [from] = 0 };
        public IReadOnlyList<string> Frontier { get; set; } = [from];
        public bool Capped { get; set; }
    }
}
