using System.Globalization;
using Lineage.Graph.Errors;
using Lineage.Graph.Storage;
using Lineage.Graph.Urns;
using Microsoft.Extensions.Options;

namespace Lineage.Graph.Traversal;

/// <summary>
/// Lineage, impact and path questions: checks their limits, has the store walk the graph, and dresses the walk
/// with what people need (names, platforms, deprecation, owners, the path that explains each answer).
/// </summary>
public sealed partial class LineageService(IGraphStore store, IOptions<TraversalOptions> options)
{
    private readonly TraversalOptions _options = options.Value;

    /// <summary>The granularity a question about <paramref name="root"/> takes when it names none: columns for a column, else entities.</summary>
    public static LineageGranularity GranularityFor(string root, LineageGranularity? asked) =>
        asked ?? (Columns.IsColumn(root) ? LineageGranularity.Column : LineageGranularity.Entity);

    /// <summary>The nodes upstream, downstream or both of an entity, and the lineage edges among them.</summary>
    public async Task<LineageGraph> GetLineageAsync(LineageRequest request, CancellationToken ct)
    {
        var root = Urn.Parse(request.Urn, "urn").ToString();
        CheckHops(request.MaxHops);
        CheckRange("limit", request.Limit, 1, _options.MaxNodes);
        return await WithinTimeoutAsync((walk, deadline) => LineageAsync(walk, root, request, deadline), request.AsOf, ct);
    }

    private static async Task<LineageGraph> LineageAsync(LineageWalk walk, string root, LineageRequest request, CancellationToken ct)
    {
        var directions = request.Direction is { } one ? [one] : new[] { LineageDirection.Upstream, LineageDirection.Downstream };
        var granularity = GranularityFor(root, request.Granularity);
        // Both directions: edges can join a node found upstream to one found downstream, so the edges are read once,
        // for the whole answer, after the walks; so too when some of the nodes are filtered out.
        var edgesOfOneWalk = directions.Length == 1 && request.EntityTypes.Count == 0;
        var walks = new List<TraversalResult>();
        foreach (var direction in directions)
        {
            walks.Add(await walk.TraverseAsync(
                new TraversalQuery(root, direction, request.MaxHops, request.Relationships, request.IncludeRemoved, request.Limit, granularity,
                    WithEdges: edgesOfOneWalk), ct));
        }

        // A node both upstream and downstream (a cycle) appears once, at its nearest degree.
        var reached = walks.SelectMany(w => w.Nodes)
            .GroupBy(n => n.Urn, StringComparer.Ordinal)
            .Select(g => g.MinBy(n => n.Degree)!)
            .Where(n => n.Degree == 0 || request.EntityTypes.Count == 0 || request.EntityTypes.Contains(EntityTypeOf(n.Urn)))
            .OrderBy(n => n.Degree).ThenBy(n => n.Urn, StringComparer.Ordinal)
            .ToList();
        var truncated = walks.Any(w => w.Truncated) || reached.Count > request.Limit;
        if (reached.Count > request.Limit) reached = reached.Take(request.Limit).ToList();

        var kept = reached.Select(n => n.Urn).ToHashSet(StringComparer.Ordinal);
        var edges = edgesOfOneWalk
            ? walks[0].Edges.Where(e => kept.Contains(e.Source) && kept.Contains(e.Target)).ToList()
            : await walk.EdgesAmongAsync([.. kept], request.Relationships, granularity, ct);
        var facts = walks.SelectMany(w => w.Facts).DistinctBy(f => f.Key).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var nodes = Describe(reached, facts);
        return new LineageGraph(nodes[0], nodes.Skip(1).ToList(), edges, truncated);
    }

    /// <summary>
    /// Everything downstream of an entity, with counts, one explaining path each, flags and owners. The affected list is
    /// <paramref name="page"/> of it (all of it when null), nearest first then by urn; the total, the counts, the flags
    /// and the owners always cover every affected entity.
    /// </summary>
    /// <param name="asOf">The time whose graph to answer from; null for the present.</param>
    public async Task<ImpactReport> GetImpactAsync(
        string urnText, int maxHops, IReadOnlyList<string> entityTypes, CancellationToken ct, LineageGranularity? granularity = null,
        ImpactPage? page = null, LineageTime? asOf = null)
    {
        var root = Urn.Parse(urnText, "urn").ToString();
        CheckHops(maxHops);
        var (start, count) = page is { } asked ? (asked.Start, asked.Count) : (0, _options.MaxNodes);
        CheckRange("start", start, 0, int.MaxValue);
        CheckRange("count", count, 0, _options.MaxNodes);
        return await WithinTimeoutAsync(
            (walk, deadline) => ImpactAsync(walk, root, maxHops, entityTypes, GranularityFor(root, granularity), start, count, deadline), asOf, ct);
    }

    private async Task<ImpactReport> ImpactAsync(LineageWalk walk, string root, int maxHops, IReadOnlyList<string> entityTypes,
        LineageGranularity granularity, int start, int count, CancellationToken ct)
    {
        // Soft-deleted consumers still break: impact walks through them and flags them.
        var reached = await walk.TraverseAsync(
            new TraversalQuery(root, LineageDirection.Downstream, maxHops, [], true, _options.MaxNodes, granularity, WithOwners: true, WithEdges: false), ct);
        var byUrn = reached.Nodes.ToDictionary(n => n.Urn, StringComparer.Ordinal);
        var affected = reached.Nodes.Skip(1)
            .Where(n => entityTypes.Count == 0 || entityTypes.Contains(EntityTypeOf(n.Urn)))
            .ToList();
        bool Deprecated(ReachedNode n) => reached.Facts.GetValueOrDefault(n.Urn)?.Deprecated ?? false;

        // Only the page is dressed (names, platforms, paths): a hub's whole answer is thousands of entities.
        var shown = affected.Skip(start).Take(count).ToList();
        var described = Describe([reached.Nodes[0], .. shown], reached.Facts);
        var listed = described.Skip(1)
            .Select(n => new AffectedEntity(n, PathTo(n.Urn, urn => (byUrn[urn].Parent, byUrn[urn].ParentRelationship))))
            .ToList();
        var counts = CountsByType(affected);
        return new ImpactReport(described[0], affected.Count, start, listed.Count, counts, affected.Count(Deprecated), affected.Count(n => n.Removed),
            listed, Owners(affected.Select(n => n.Urn), reached.Facts), reached.Truncated);
    }

    /// <summary>
    /// Runs all the store work of one answer — the walk and the reads that dress it — on one read of the store
    /// (<see cref="IGraphStore.OpenLineageReadAsync"/>, or of its history as of <paramref name="asOf"/>) and under one
    /// deadline, <see cref="TraversalOptions.QueryTimeout"/>; past it the work is abandoned with a <see cref="QueryTimeoutException"/>.
    /// </summary>
    private async Task<T> WithinTimeoutAsync<T>(Func<LineageWalk, CancellationToken, Task<T>> work, LineageTime? asOf, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_options.QueryTimeout);
        try
        {
            await using var read = asOf is { } time ? new LineageReadAsOf(store, time) : await store.OpenLineageReadAsync(deadline.Token);
            return await work(new LineageWalk(read), deadline.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new QueryTimeoutException(string.Create(CultureInfo.InvariantCulture,
                $"the lineage query took longer than its time-out of {_options.QueryTimeout.TotalSeconds:0.###} s (Lineage:Traversal:QueryTimeout); ask for fewer hops or fewer relationships"));
        }
    }

    /// <summary>The chain from the root to <paramref name="urn"/>, following each node's parent.</summary>
    private static LineagePath PathTo(string urn, Func<string, (string? Parent, string? Relationship)> parentOf)
    {
        var urns = new List<string> { urn };
        var relationships = new List<string>();
        for (var node = urn; parentOf(node) is (string parent, string relationship); node = parent)
        {
            urns.Add(parent);
            relationships.Add(relationship);
        }
        urns.Reverse();
        relationships.Reverse();
        return new LineagePath(urns, relationships);
    }

    private static List<LineageNode> Describe(IReadOnlyList<ReachedNode> reached, IReadOnlyDictionary<string, NodeFacts> facts) =>
        reached.Select(n =>
        {
            Urn.TryParse(n.Urn, out var urn, out _);
            var deprecated = facts.GetValueOrDefault(n.Urn)?.Deprecated ?? false;
            return new LineageNode(n.Urn, urn?.EntityType ?? EntityTypeOf(n.Urn), urn?.Name, urn?.Platform?.ToString(),
                n.Degree, n.Removed, deprecated, n.Exists);
        }).ToList();

    /// <summary>Each owner of an affected entity, with the affected entities it owns; both in urn order.</summary>
    private static IReadOnlyList<AffectedOwner> Owners(IEnumerable<string> affected, IReadOnlyDictionary<string, NodeFacts> facts)
    {
        // A hub's impact is thousands of entities under hundreds of owners: one pass, then a sort of each list.
        var byOwner = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var urn in affected)
        {
            foreach (var owner in facts.GetValueOrDefault(urn)?.Owners ?? [])
            {
                if (!byOwner.TryGetValue(owner, out var entities)) byOwner[owner] = entities = [];
                // An owner listed twice on one entity (under two ownership types) counts it once.
                if (entities.Count == 0 || entities[^1] != urn) entities.Add(urn);
            }
        }
        var owners = byOwner.Keys.ToArray();
        Array.Sort(owners, StringComparer.Ordinal);
        return owners.Select(owner =>
        {
            var entities = byOwner[owner];
            entities.Sort(StringComparer.Ordinal);
            return new AffectedOwner(owner, entities);
        }).ToList();
    }

    /// <summary>How many entities of each type, by type name in order.</summary>
    private static Dictionary<string, int> CountsByType(IEnumerable<ReachedNode> nodes)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        // Looked up by the urn's type part as a span: thousands of nodes, a handful of types, no substring each.
        var byName = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var node in nodes)
        {
            var type = EntityTypeSpan(node.Urn);
            byName[type] = byName.TryGetValue(type, out var count) ? count + 1 : 1;
        }
        return counts.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
    }

    private void CheckHops(int maxHops) => CheckRange("maxHops", maxHops, 1, _options.MaxHops);

    private static void CheckRange(string name, int value, int min, int max)
    {
        if (value < min || value > max)
            throw new ValidationException(name, $"{value} is out of range: it must be from {min} to {max}");
    }

    /// <summary>The entity type a urn names (its third part), without parsing the rest of it.</summary>
    private static string EntityTypeOf(string urn) => EntityTypeSpan(urn).ToString();

    private static ReadOnlySpan<char> EntityTypeSpan(string urn)
    {
        // urn:li:<type>:<key>
        var afterPrefix = urn.IndexOf(':', urn.IndexOf(':') + 1) + 1;
        var end = afterPrefix > 0 ? urn.IndexOf(':', afterPrefix) : -1;
        return end > afterPrefix ? urn.AsSpan(afterPrefix, end - afterPrefix) : "unknown";
    }
}
