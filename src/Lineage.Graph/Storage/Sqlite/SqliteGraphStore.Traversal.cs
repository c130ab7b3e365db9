using System.Text.Json;
using Lineage.Graph.Registry;
using Lineage.Graph.Traversal;
using Microsoft.Data.Sqlite;

namespace Lineage.Graph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    // One recursive CTE walks both kinds of lineage edge: those whose target is upstream of their source, and those
    // whose source is. It keeps (node, depth) pairs only — never how a node was reached — so a node reached from many
    // parents is expanded once per depth, and cycles end at $maxHops. Parents are found afterwards among the nodes one
    // hop nearer: the smallest urn, then the smallest relationship name, as the Neo4j store chooses.
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
        kept AS MATERIALIZED (SELECT urn, degree FROM best ORDER BY degree, urn LIMIT $limit),
        candidates AS (
            SELECT k.urn, e.source AS parent, e.type AS rel
            FROM kept k JOIN edges e ON e.target = k.urn AND e.lineage = $forward
            JOIN best b ON b.urn = e.source AND b.degree = k.degree - 1
            WHERE ($typeCount = 0 OR e.type IN (SELECT value FROM json_each($types)))
            UNION ALL
            SELECT k.urn, e.target, e.type
            FROM kept k JOIN edges e ON e.source = k.urn AND e.lineage = $backward
            JOIN best b ON b.urn = e.target AND b.degree = k.degree - 1
            WHERE ($typeCount = 0 OR e.type IN (SELECT value FROM json_each($types)))
        ),
        parents AS (
            SELECT urn, parent, rel, ROW_NUMBER() OVER (PARTITION BY urn ORDER BY parent, rel) AS rn FROM candidates
        )
        SELECT k.urn, k.degree, p.parent, p.rel, COALESCE(en.removed, 0), en.urn IS NOT NULL
        FROM kept k
        LEFT JOIN parents p ON p.urn = k.urn AND p.rn = 1
        LEFT JOIN entities en ON en.urn = k.urn
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

        var nodes = new List<ReachedNode>();
        await using (var walk = Command(connection, WalkSql,
            ("$root", query.Root), ("$maxHops", query.MaxHops), ("$forward", (int)forward), ("$backward", (int)backward),
            ("$typeCount", query.RelationshipTypes.Count), ("$types", types), ("$includeRemoved", query.IncludeRemoved ? 1 : 0),
            ("$limit", query.MaxNodes + 1)))
        await using (var reader = await walk.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                nodes.Add(new ReachedNode(reader.GetString(0), reader.GetInt32(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetInt64(4) != 0, reader.GetInt64(5) != 0));
            }
        }
        var truncated = nodes.Count > query.MaxNodes;
        if (truncated) nodes.RemoveAt(nodes.Count - 1);

        var edges = await GetLineageEdgesAmongAsync(nodes.Select(n => n.Urn).ToList(), query.RelationshipTypes, ct);
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
