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
    /// <param name="granularity">Entities or columns; null takes <paramref name="fromText"/>'s (<see cref="GranularityFor"/>).</param>
    /// <param name="asOf">The time whose graph to answer from; null for the present.</param>
    public async Task<PathAnswer?> FindPathAsync(
        string fromText, string toText, int maxHops, CancellationToken ct, LineageGranularity? granularity = null, LineageTime? asOf = null)
    {
        var from = Urn.Parse(fromText, "from").ToString();
        var to = Urn.Parse(toText, "to").ToString();
        CheckHops(maxHops);
        if (from == to) return new PathAnswer(from, to, LineageDirection.Downstream, new LineagePath([from], []));
        return await WithinTimeoutAsync((walk, deadline) => SearchPathAsync(walk, from, to, maxHops, GranularityFor(from, granularity), deadline), asOf, ct);
    }

    private async Task<PathAnswer?> SearchPathAsync(
        LineageWalk walker, string from, string to, int maxHops, LineageGranularity granularity, CancellationToken ct)
    {
        PathWalk[] walks = [new(from, LineageDirection.Downstream), new(from, LineageDirection.Upstream)];
        for (var depth = 1; depth <= maxHops && walks.Any(w => w.Frontier.Count > 0); depth++)
        {
            foreach (var walk in walks.Where(w => w.Frontier.Count > 0))
            {
                var level = await walker.NextLevelAsync(walk.Frontier, walk.Direction, [], false, granularity, walk.Parents.ContainsKey, ct);
                if (level.FirstOrDefault(h => h.Urn == to) is { } found)
                {
                    walk.Parents[to] = found;
                    return new PathAnswer(from, to, walk.Direction, PathTo(to, urn => walk.Parents[urn] is { } hop ? (hop.Parent, hop.Relationship) : (null, null)));
                }
                // A level larger than the room left is cut short: past it, this direction's view is not whole.
                var room = _options.MaxNodes - walk.Parents.Count;
                walk.Capped = level.Count > room;
                walk.Frontier = walk.Capped ? [] : level.Select(h => h.Urn).ToList();
                foreach (var hop in walk.Capped ? [] : level) walk.Parents[hop.Urn] = hop;
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

    /// <summary>One direction of the path search: the nodes reached, each with the hop that reached it (none for the start), and the last level.</summary>
    private sealed class PathWalk(string from, LineageDirection direction)
    {
        public LineageDirection Direction { get; } = direction;
        public Dictionary<string, LineageWalk.Hop?> Parents { get; } = new(StringComparer.Ordinal) { [from] = null };
        public IReadOnlyList<string> Frontier { get; set; } = [from];
        public bool Capped { get; set; }
    }
}
