using System.Text.Json;
using Lineage.Graph.Registry;
using Lineage.Graph.Traversal;
using Microsoft.Data.Sqlite;

namespace Lineage.Graph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    // The walk goes one level at a time: each statement finds the nodes one hop beyond the frontier along both kinds
    // of lineage edge (those whose target is upstream of their source, and those whose source is), leaving out the
    // nodes already reached, in urn order, no more than the answer still has room for. So a node is expanded once, at
    // its fewest hops, and the walk stops as soon as the answer is full instead of enumerating the whole closure first:
    // a hub's ten-hop impact costs what its answer costs. Parents are chosen afterwards from the edges among the nodes
    // kept (every node one hop nearer the root is kept before any node it leads to).
    private const string LevelSql = """
        SELECT urn FROM (
            SELECT e.target AS urn
            FROM edges e
            WHERE e.source IN (SELECT value FROM json_each($frontier)) AND e.lineage = $forward
              AND ($typeCount = 0 OR e.type IN (SELECT value FROM json_each($types)))
              AND ($includeRemoved OR NOT EXISTS (SELECT 1 FROM entities x WHERE x.urn = e.target AND x.removed = 1))
            UNION
            SELECT e.source AS urn
            FROM edges e
            WHERE e.target IN (SELECT value FROM json_each($frontier)) AND e.lineage = $backward
              AND ($typeCount = 0 OR e.type IN (SELECT value FROM json_each($types)))
              AND ($includeRemoved OR NOT EXISTS (SELECT 1 FROM entities x WHERE x.urn = e.source AND x.removed = 1))
        )
        WHERE urn NOT IN (SELECT value FROM json_each($seen))
        ORDER BY urn
        LIMIT $room
        """;

    private const string NodeFactsSql = """
        SELECT n.value, COALESCE(en.removed, 0), en.urn IS NOT NULL
        FROM json_each($nodes) n LEFT JOIN entities en ON en.urn = n.value
        """;

    private const string EdgesAmongSql = """
        SELECT DISTINCT e.source, e.target, e.type, e.lineage
        FROM edges e
        WHERE e.lineage IN (1, 2)
          AND e.source IN (SELECT value FROM json_each($nodes))
          AND e.target IN (SELECT value FROM json_each($nodes))
          AND ($typeCount = 0 OR e.type IN (SELECT value FROM json_each($types)))
        ORDER BY e.source, e.type, e.target
        """;

    public async Task<TraversalResult> TraverseAsync(TraversalQuery query, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);

        // One read transaction, so that every level sees the same state of the graph.
        await using var snapshot = connection.BeginTransaction(deferred: true);
        var degrees = new Dictionary<string, int>(StringComparer.Ordinal) { [query.Root] = 0 };
        var order = new List<string> { query.Root };
        var frontier = new List<string> { query.Root };
        var truncated = false;
        for (var depth = 1; depth <= query.MaxHops && frontier.Count > 0 && !truncated; depth++)
        {
            // One more than the room left tells a full answer from one cut short.
            var room = query.MaxNodes + 1 - order.Count;
            var next = await ReadLevelAsync(connection, snapshot,
                new LineageStep(frontier, query.Direction, query.RelationshipTypes, query.IncludeRemoved, order, room), ct);
            if (next.Count == room)
            {
                truncated = true;
                next.RemoveAt(next.Count - 1);
            }
            foreach (var urn in next) degrees[urn] = depth;
            order.AddRange(next);
            frontier = next;
        }

        var facts = new Dictionary<string, (bool Removed, bool Exists)>(StringComparer.Ordinal);
        await using (var nodeFacts = Command(connection, NodeFactsSql, ("$nodes", JsonSerializer.Serialize(order))))
        {
            nodeFacts.Transaction = snapshot;
            await using var reader = await nodeFacts.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) facts[reader.GetString(0)] = (reader.GetInt64(1) != 0, reader.GetInt64(2) != 0);
        }
        var reached = order.Select(urn => (Urn: urn, Degree: degrees[urn], facts[urn].Removed, facts[urn].Exists)).ToList();

        var edges = await GetLineageEdgesAmongAsync(reached.Select(n => n.Urn).ToList(), query.RelationshipTypes, ct);
        var parents = ParentChooser.Choose(reached.ToDictionary(n => n.Urn, n => n.Degree, StringComparer.Ordinal), edges, query.Direction);
        var nodes = reached.Select(n =>
        {
            var parent = parents.GetValueOrDefault(n.Urn);
            return new ReachedNode(n.Urn, n.Degree, parent.Parent, parent.Relationship, n.Removed, n.Exists);
        }).ToList();
        return new TraversalResult(nodes, edges, truncated);
    }

    public async Task<IReadOnlyList<string>> StepAsync(LineageStep step, CancellationToken ct)
    {
        if (step.Frontier.Count == 0 || step.Limit <= 0) return [];
        await using var connection = await OpenAsync(ct);
        return await ReadLevelAsync(connection, null, step, ct);
    }

    /// <summary>One level of a walk (<see cref="LevelSql"/>), in the walk's read transaction when it has one.</summary>
    private static async Task<List<string>> ReadLevelAsync(
        SqliteConnection connection, SqliteTransaction? snapshot, LineageStep step, CancellationToken ct)
    {
        var (forward, backward) = step.Direction == LineageDirection.Upstream
            ? (LineageRole.TargetIsUpstream, LineageRole.TargetIsDownstream)
            : (LineageRole.TargetIsDownstream, LineageRole.TargetIsUpstream);
        var next = new List<string>();
        await using var level = Command(connection, LevelSql,
            ("$frontier", JsonSerializer.Serialize(step.Frontier)), ("$seen", JsonSerializer.Serialize(step.Seen)),
            ("$forward", (int)forward), ("$backward", (int)backward), ("$typeCount", step.RelationshipTypes.Count),
            ("$types", JsonSerializer.Serialize(step.RelationshipTypes)), ("$includeRemoved", step.IncludeRemoved ? 1 : 0),
            ("$room", step.Limit));
        level.Transaction = snapshot;
        await using var reader = await level.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) next.Add(reader.GetString(0));
        return next;
    }

    public async Task<IReadOnlyList<LineageEdge>> GetLineageEdgesAmongAsync(
        IReadOnlyCollection<string> urns, IReadOnlyList<string> types, CancellationToken ct)
    {
        var edges = new List<LineageEdge>();
        if (urns.Count == 0) return edges;
        await using var connection = await OpenAsync(ct);
        await using var among = Command(connection, EdgesAmongSql,
            ("$nodes", JsonSerializer.Serialize(urns)), ("$typeCount", types.Count), ("$types", JsonSerializer.Serialize(types)));
        await using var reader = await among.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (source, target) = (reader.GetString(0), reader.GetString(1));
            var upstream = reader.GetInt64(3) == (int)LineageRole.TargetIsUpstream ? target : source;
            edges.Add(new LineageEdge(source, target, reader.GetString(2), upstream));
        }
        return edges;
    }

    public async Task<IReadOnlyDictionary<string, StoredAspect>> GetLatestAspectsAsync(
        IReadOnlyCollection<string> urns, string aspect, CancellationToken ct)
    {
        if (urns.Count == 0) return new Dictionary<string, StoredAspect>();
        await using var connection = await OpenAsync(ct);
        var aspects = await ReadAspectsAsync(connection,
            $"SELECT {AspectColumns} FROM aspects WHERE aspect = $aspect AND version = 0 AND urn IN (SELECT value FROM json_each($urns))",
            ct, ("$aspect", aspect), ("$urns", JsonSerializer.Serialize(urns)));
        return aspects.ToDictionary(a => a.Urn, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, long>> GetConnectivityAsync(IReadOnlyCollection<string> urns, CancellationToken ct)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        if (urns.Count == 0) return counts;
        await using var connection = await OpenAsync(ct);
        await using var command = Command(connection, """
            SELECT u.value,
                   (SELECT COUNT(*) FROM edges WHERE source = u.value) + (SELECT COUNT(*) FROM edges WHERE target = u.value)
            FROM json_each($urns) u
            """, ("$urns", JsonSerializer.Serialize(urns)));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            if (reader.GetInt64(1) > 0) counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }
}
