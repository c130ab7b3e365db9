using System.Text.Json;
using Lineage.Graph.Registry;
using Lineage.Graph.Traversal;
using Microsoft.Data.Sqlite;

namespace Lineage.Graph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    // One recursive CTE walks both kinds of lineage edge: those whose target is upstream of their source, and those
    // whose source is. It keeps (node, depth) pairs only — never how a node was reached — so a node reached from many
    // parents is expanded once per depth, and cycles end at $maxHops. Parents are chosen afterwards from the edges
    // among the nodes kept (every node one hop nearer the root is kept before any node it leads to).
    private const string WalkSql = """
        WITH RECURSIVE walk(urn, depth) AS (
            SELECT $root, 0
            UNION
            SELECT e.target, w.depth + 1
            FROM walk w JOIN edges e ON e.source = w.urn
            WHERE w.depth < $maxHops AND e.lineage = $forward
              AND ($typeCount = 0 OR e.type IN (SELECT value FROM json_each($types)))
              AND ($includeRemoved OR NOT EXISTS (SELECT 1 FROM entities x WHERE x.urn = e.target AND x.removed = 1))
            UNION
            SELECT e.source, w.depth + 1
            FROM walk w JOIN edges e ON e.target = w.urn
            WHERE w.depth < $maxHops AND e.lineage = $backward
              AND ($typeCount = 0 OR e.type IN (SELECT value FROM json_each($types)))
              AND ($includeRemoved OR NOT EXISTS (SELECT 1 FROM entities x WHERE x.urn = e.source AND x.removed = 1))
        ),
        best AS MATERIALIZED (SELECT urn, MIN(depth) AS degree FROM walk GROUP BY urn),
        kept AS MATERIALIZED (SELECT urn, degree FROM best ORDER BY degree, urn LIMIT $limit)
        SELECT k.urn, k.degree, COALESCE(en.removed, 0), en.urn IS NOT NULL
        FROM kept k LEFT JOIN entities en ON en.urn = k.urn
        ORDER BY k.degree, k.urn
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
        var (forward, backward) = query.Direction == LineageDirection.Upstream
            ? (LineageRole.TargetIsUpstream, LineageRole.TargetIsDownstream)
            : (LineageRole.TargetIsDownstream, LineageRole.TargetIsUpstream);
        var types = JsonSerializer.Serialize(query.RelationshipTypes);
        await using var connection = await OpenAsync(ct);

        var reached = new List<(string Urn, int Degree, bool Removed, bool Exists)>();
        await using (var walk = Command(connection, WalkSql,
            ("$root", query.Root), ("$maxHops", query.MaxHops), ("$forward", (int)forward), ("$backward", (int)backward),
            ("$typeCount", query.RelationshipTypes.Count), ("$types", types), ("$includeRemoved", query.IncludeRemoved ? 1 : 0),
            ("$limit", query.MaxNodes + 1)))
        await using (var reader = await walk.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                reached.Add((reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2) != 0, reader.GetInt64(3) != 0));
        }
        var truncated = reached.Count > query.MaxNodes;
        if (truncated) reached.RemoveAt(reached.Count - 1);

        var edges = await GetLineageEdgesAmongAsync(reached.Select(n => n.Urn).ToList(), query.RelationshipTypes, ct);
        var parents = ParentChooser.Choose(reached.ToDictionary(n => n.Urn, n => n.Degree, StringComparer.Ordinal), edges, query.Direction);
        var nodes = reached.Select(n =>
        {
            var parent = parents.GetValueOrDefault(n.Urn);
            return new ReachedNode(n.Urn, n.Degree, parent.Parent, parent.Relationship, n.Removed, n.Exists);
        }).ToList();
        return new TraversalResult(nodes, edges, truncated);
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
