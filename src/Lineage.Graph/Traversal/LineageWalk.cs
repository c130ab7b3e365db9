using Lineage.Graph.Storage;

namespace Lineage.Graph.Traversal;

/// <summary>
/// The one breadth-first lineage walk, under lineage, impact, path and GraphQL alike, over one answer's read of the
/// store. Each level asks for the edges one hop out of the frontier (<see cref="ILineageRead.GetHopsAsync"/>), then
/// keeps each new node once, at its fewest hops, with its parent: the smallest urn one hop nearer the root with an edge
/// leading to it, then the smallest relationship name. A level is kept in urn order, and the walk stops as soon as the
/// answer is full.
/// </summary>
public sealed class LineageWalk
{
    private readonly ILineageRead? _read;
    private readonly IGraphStore? _store;

    /// <summary>A walk whose every call reads through <paramref name="read"/>: the answer it is part of sees one state of the graph.</summary>
    public LineageWalk(ILineageRead read) => _read = read;

    /// <summary>A walk that opens a read of <paramref name="store"/> for each call of its own.</summary>
    public LineageWalk(IGraphStore store) => _store = store;

    /// <summary>A node one level further out, and the frontier node and relationship it was reached through.</summary>
    public sealed record Hop(string Urn, string Parent, string Relationship);

    /// <summary>Walks one direction from the root: the nodes reached with their fewest hops and parent, and the lineage edges among them.</summary>
    public Task<TraversalResult> TraverseAsync(TraversalQuery query, CancellationToken ct) =>
        ReadAsync(read => TraverseAsync(read, query, ct), ct);

    private static async Task<TraversalResult> TraverseAsync(ILineageRead read, TraversalQuery query, CancellationToken ct)
    {
        var degrees = new Dictionary<string, int>(StringComparer.Ordinal) { [query.Root] = 0 };
        var parents = new Dictionary<string, Hop>(StringComparer.Ordinal);
        var order = new List<string> { query.Root };
        IReadOnlyList<string> frontier = [query.Root];
        var truncated = false;
        for (var depth = 1; depth <= query.MaxHops && frontier.Count > 0 && !truncated; depth++)
        {
            var level = await NextLevelAsync(read, frontier, query.Direction, query.RelationshipTypes, query.IncludeRemoved,
                query.Granularity, degrees.ContainsKey, ct);
            var room = query.MaxNodes - order.Count;
            truncated = level.Length > room;
            var kept = Smallest(level, room);
            foreach (var hop in kept)
            {
                degrees[hop.Urn] = depth;
                parents[hop.Urn] = hop;
                order.Add(hop.Urn);
            }
            frontier = kept.Select(h => h.Urn).ToList();
        }

        var facts = await read.GetNodeFactsAsync(order, query.WithOwners, ct);
        var edges = query.WithEdges ? await EdgesAmongAsync(read, order, query.RelationshipTypes, query.Granularity, ct) : [];
        var nodes = order.Select(urn =>
        {
            var fact = facts.GetValueOrDefault(urn) ?? NodeFacts.Unknown;
            var parent = parents.GetValueOrDefault(urn);
            return new ReachedNode(urn, degrees[urn], parent?.Parent, parent?.Relationship, fact.Removed, fact.Exists);
        }).ToList();
        return new TraversalResult(nodes, edges, truncated) { Facts = facts };
    }

    /// <summary>
    /// The nodes one hop beyond <paramref name="frontier"/> that <paramref name="seen"/> does not know, in urn order,
    /// each with its parent among the frontier.
    /// </summary>
    public Task<IReadOnlyList<Hop>> NextLevelAsync(
        IReadOnlyList<string> frontier, LineageDirection direction, IReadOnlyList<string> types, bool includeRemoved,
        LineageGranularity granularity, Func<string, bool> seen, CancellationToken ct) =>
        ReadAsync<IReadOnlyList<Hop>>(async read =>
            Smallest(await NextLevelAsync(read, frontier, direction, types, includeRemoved, granularity, seen, ct), int.MaxValue), ct);

    /// <summary>The level's new nodes in no set order, each with its parent.</summary>
    private static async Task<Hop[]> NextLevelAsync(ILineageRead read,
        IReadOnlyList<string> frontier, LineageDirection direction, IReadOnlyList<string> types, bool includeRemoved,
        LineageGranularity granularity, Func<string, bool> seen, CancellationToken ct)
    {
        // By entity a node's columns step with it, so the store is asked for their edges too.
        var withColumns = granularity == LineageGranularity.Entity;
        var edges = await read.GetHopsAsync(new LineageHopQuery(frontier, direction, types, includeRemoved, withColumns), ct);
        var inFrontier = frontier.ToHashSet(StringComparer.Ordinal);
        var best = new Dictionary<string, Hop>(StringComparer.Ordinal);
        foreach (var (near, far, relationship) in Steps(edges, direction, inFrontier, granularity))
        {
            if (seen(far)) continue;
            if (!best.TryGetValue(far, out var hop) || IsSmaller(near, relationship, hop)) best[far] = new Hop(far, near, relationship);
        }
        return [.. best.Values];
    }

    /// <summary>
    /// The <paramref name="count"/> nodes of a level first in urn order, in that order. A hub's level is tens of thousands
    /// of nodes of which the answer may keep a few: they are selected first (quickselect, about two comparisons a node)
    /// and only they are sorted.
    /// </summary>
    private static Hop[] Smallest(Hop[] level, int count)
    {
        if (count <= 0) return [];
        if (count < level.Length)
        {
            var (low, high, k) = (0, level.Length - 1, count - 1);
            while (low < high)
            {
                var pivot = level[low + ((high - low) >> 1)].Urn;
                var (i, j) = (low, high);
                while (i <= j)
                {
                    while (string.CompareOrdinal(level[i].Urn, pivot) < 0) i++;
                    while (string.CompareOrdinal(level[j].Urn, pivot) > 0) j--;
                    if (i > j) break;
                    (level[i], level[j]) = (level[j], level[i]);
                    i++;
                    j--;
                }
                // Now low..j hold urns up to the pivot and i..high urns from it; between them sits the pivot itself.
                if (k <= j) high = j;
                else if (k >= i) low = i;
                else break;
            }
            level = level[..count];
        }
        Array.Sort(level, ByUrn);
        return level;
    }

    private static readonly Comparison<Hop> ByUrn = (a, b) => string.CompareOrdinal(a.Urn, b.Urn);

    /// <summary>
    /// Each edge as a step from a frontier node to its far end. By entity, a column end stands for its dataset and a
    /// step within one entity is no step. By column, a step to a dataset is left out when the same node also steps to
    /// one of that dataset's columns: the column says more precisely what is fed.
    /// </summary>
    private static IEnumerable<(string Near, string Far, string Relationship)> Steps(
        IReadOnlyList<LineageEdge> edges, LineageDirection direction, HashSet<string> frontier, LineageGranularity granularity)
    {
        var steps = edges.Select(e => direction == LineageDirection.Downstream
            ? (Near: e.Upstream, Far: e.Downstream, e.Relationship)
            : (Near: e.Downstream, Far: e.Upstream, e.Relationship));
        if (granularity == LineageGranularity.Entity)
        {
            return steps
                .Select(s => (Near: frontier.Contains(s.Near) ? s.Near : RollUp(s.Near), Far: RollUp(s.Far), s.Relationship))
                .Where(s => !string.Equals(s.Near, s.Far, StringComparison.Ordinal));
        }

        var list = steps.ToList();
        var columnParents = list.Where(s => Columns.IsColumn(s.Far))
            .Select(s => (s.Near, Parent: Columns.ParentOf(s.Far)))
            .ToHashSet();
        return list.Where(s => !columnParents.Contains((s.Near, s.Far)));
    }

    /// <summary>
    /// The lineage edges among the kept nodes; by entity, with their columns' edges rolled up to them (a rolled-up edge
    /// keeps no column mapping), each once.
    /// </summary>
    public Task<IReadOnlyList<LineageEdge>> EdgesAmongAsync(
        IReadOnlyList<string> nodes, IReadOnlyList<string> types, LineageGranularity granularity, CancellationToken ct) =>
        ReadAsync(read => EdgesAmongAsync(read, nodes, types, granularity, ct), ct);

    private static async Task<IReadOnlyList<LineageEdge>> EdgesAmongAsync(ILineageRead read,
        IReadOnlyList<string> nodes, IReadOnlyList<string> types, LineageGranularity granularity, CancellationToken ct)
    {
        var byEntity = granularity == LineageGranularity.Entity;
        var kept = nodes.ToHashSet(StringComparer.Ordinal);
        var edges = await read.GetEdgesAmongAsync(nodes, types, byEntity, ct);
        string? Among(string urn) =>
            kept.Contains(urn) ? urn : byEntity && Columns.ParentOf(urn) is { } parent && kept.Contains(parent) ? parent : null;

        var among = new Dictionary<(string, string, string), LineageEdge>();
        foreach (var edge in edges)
        {
            if (Among(edge.Source) is not { } source || Among(edge.Target) is not { } target) continue;
            var rolled = source != edge.Source || target != edge.Target;
            // A column edge within one entity is no edge of it; a self-loop stated on the entity is.
            if (rolled && source == target) continue;
            var candidate = rolled ? new LineageEdge(source, target, edge.Relationship, edge.Upstream == edge.Source ? source : target) : edge;
            // Several column edges roll up to one; an edge stated with a mapping keeps it.
            var key = (source, edge.Relationship, target);
            if (!among.TryGetValue(key, out var existing) || (existing.Mapping is null && candidate.Mapping is not null)) among[key] = candidate;
        }
        return among.Values
            .OrderBy(e => e.Source, StringComparer.Ordinal)
            .ThenBy(e => e.Relationship, StringComparer.Ordinal)
            .ThenBy(e => e.Target, StringComparer.Ordinal)
            .ToList();
    }

    private async Task<T> ReadAsync<T>(Func<ILineageRead, Task<T>> work, CancellationToken ct)
    {
        if (_read is not null) return await work(_read);
        await using var read = await _store!.OpenLineageReadAsync(ct);
        return await work(read);
    }

    private static string RollUp(string urn) => Columns.ParentOf(urn) ?? urn;

    private static bool IsSmaller(string parent, string relationship, Hop than)
    {
        var byParent = string.CompareOrdinal(parent, than.Parent);
        return byParent < 0 || (byParent == 0 && string.CompareOrdinal(relationship, than.Relationship) < 0);
    }
}
