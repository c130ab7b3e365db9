using System.Collections.Concurrent;
using System.Data;
using System.Text.Json;
using Lineage.Graph.Registry;
using Lineage.Graph.Relationships;
using Lineage.Graph.Traversal;
using Microsoft.Data.Sqlite;

namespace Lineage.Graph.Storage.Sqlite;

public sealed partial class SqliteGraphStore
{
    // Connections kept open between lineage answers, each with the statements it has prepared: from a leaf, preparing
    // an answer's five statements cost about as much as running them. A few are kept; more at once open and close.
    private readonly ConcurrentBag<ReadConnection> _readers = [];
    private const int KeptReaders = 4;

    public async Task<ILineageRead> OpenLineageReadAsync(CancellationToken ct)
    {
        var reader = _readers.TryTake(out var kept) ? kept : new ReadConnection(await OpenAsync(ct));
        try
        {
            // Deferred: the snapshot is taken by the first read and kept until the answer is made.
            return new LineageRead(this, reader, reader.Connection.BeginTransaction(IsolationLevel.Serializable, deferred: true));
        }
        catch
        {
            await reader.DisposeAsync();
            throw;
        }
    }

    /// <summary>An open connection and the statements prepared on it, by their text.</summary>
    private sealed class ReadConnection(SqliteConnection connection) : IAsyncDisposable
    {
        private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

        public SqliteConnection Connection => connection;

        /// <summary>The statement for <paramref name="sql"/> inside <paramref name="transaction"/>, with these parameter values.</summary>
        public SqliteCommand Statement(SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
        {
            if (!_prepared.TryGetValue(sql, out var command))
                _prepared[sql] = command = Command(connection, sql, [.. parameters.Select(p => (p.Name, (object?)null))]);
            command.Transaction = transaction;
            foreach (var (name, value) in parameters) command.Parameters[name].Value = value ?? DBNull.Value;
            return command;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var command in _prepared.Values) await command.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    /// <summary>
    /// One answer's reads, all of one state of the graph: the state of its read transaction, taken by its first statement.
    /// Steps and facts come from the store's in-memory graph (<see cref="LineageAdjacency"/>) while that holds the same
    /// state, else from the file in that transaction. The nodes it meets are remembered by id and by urn, so each level
    /// knows the frontier as integers and no node's urn or id is read twice.
    /// </summary>
    private sealed class LineageRead(SqliteGraphStore store, ReadConnection connection, SqliteTransaction transaction) : ILineageRead
    {
        private readonly Dictionary<string, long> _ids = new(StringComparer.Ordinal);
        private readonly Dictionary<long, string> _urns = [];
        // The change sequence of this read's snapshot, read once: the in-memory graph serves a step only if it matches.
        private long? _sequence;

        // One level: the edges that lead one hop from the frontier along both kinds of lineage edge (those whose target
        // is upstream of their source, and those whose source is), leaving out soft-deleted far ends; $columnsOf (the
        // frontier at entity granularity, else []) adds the edges of their columns, the nodes whose parent they are.
        // Each row brings both ends' ids, the far end's urn and, from a column, the column's urn; the reader takes a urn
        // only for an id it has not met (from a hub a level is tens of thousands of edges into a few thousand nodes).
        // CROSS JOIN keeps the frontier as the outer loop, each step a seek by integer. No arm can yield another's edge
        // (an edge has one lineage role, and a frontier node is not its own column), so UNION ALL sorts nothing.
        private const string HopsSql = """
            SELECT e.source, e.target, e.type, e.lineage, t.urn, NULL
            FROM json_each($frontier) f CROSS JOIN edges e ON e.source = f.value CROSS JOIN nodes t ON t.id = e.target
            WHERE e.lineage = $forward AND ($typeCount = 0 OR e.type IN (SELECT value FROM json_each($types)))
              AND ($includeRemoved OR t.removed = 0)
            UNION ALL
            SELECT e.source, e.target, e.type, e.lineage, s.urn, NULL
            FROM json_each($frontier) f CROSS JOIN edges e ON e.target = f.value CROSS JOIN nodes s ON s.id = e.source
            WHERE e.lineage = $backward AND ($typeCount = 0 OR e.type IN (SELECT value FROM json_each($types)))
              AND ($includeRemoved OR s.removed = 0)
            UNION ALL
            SELECT e.source, e.target, e.type, e.lineage, t.urn, c.urn
            FROM json_each($columnsOf) f CROSS JOIN nodes c ON c.parent = f.value CROSS JOIN edges e ON e.source = c.id
            CROSS JOIN nodes t ON t.id = e.target
            WHERE e.lineage = $forward AND ($typeCount = 0 OR e.type IN (SELECT value FROM json_each($types)))
              AND ($includeRemoved OR t.removed = 0)
            UNION ALL
            SELECT e.source, e.target, e.type, e.lineage, s.urn, c.urn
            FROM json_each($columnsOf) f CROSS JOIN nodes c ON c.parent = f.value CROSS JOIN edges e ON e.target = c.id
            CROSS JOIN nodes s ON s.id = e.source
            WHERE e.lineage = $backward AND ($typeCount = 0 OR e.type IN (SELECT value FROM json_each($types)))
              AND ($includeRemoved OR s.removed = 0)
            """;

        private const string IdsSql = "SELECT n.urn, n.id FROM json_each($urns) u CROSS JOIN nodes n ON n.urn = u.value";

        // What an answer says of each node, deprecation and (for impact) owners included, kept on the node by the writer.
        private const string FactsSql = """
            SELECT n.id, n.removed, n.created_at IS NOT NULL, n.deprecated, CASE WHEN $withOwners THEN n.owners END
            FROM json_each($ids) j CROSS JOIN nodes n ON n.id = j.value
            """;

        // The edges with both ends among the kept nodes (or, with columns, their columns), filtered here, not by the walk.
        private const string AmongSql = """
            WITH kept(id) AS (SELECT value FROM json_each($ids)),
                 ends(id) AS MATERIALIZED (
                     SELECT id FROM kept
                     UNION ALL SELECT c.id FROM kept k CROSS JOIN nodes c ON c.parent = k.id WHERE $withColumns)
            SELECT s.urn, t.urn, e.type, e.lineage, e.mapping
            FROM ends x CROSS JOIN edges e ON e.source = x.id CROSS JOIN nodes s ON s.id = e.source CROSS JOIN nodes t ON t.id = e.target
            WHERE e.lineage IN (1, 2) AND ($typeCount = 0 OR e.type IN (SELECT value FROM json_each($types)))
              AND e.target IN (SELECT id FROM ends)
            """;

        public async Task<IReadOnlyList<LineageEdge>> GetHopsAsync(LineageHopQuery query, CancellationToken ct)
        {
            if (query.Frontier.Count == 0) return [];
            var (forward, backward) = query.Direction == LineageDirection.Upstream
                ? (LineageRole.TargetIsUpstream, LineageRole.TargetIsDownstream)
                : (LineageRole.TargetIsDownstream, LineageRole.TargetIsUpstream);
            var (nodes, sequence) = await SnapshotNodesAsync(query.Frontier, ct);
            var ids = nodes.ConvertAll(n => n.Id);
            var steps = new List<LineageAdjacency.Step>();
            var wanted = query.RelationshipTypes.Count == 0 ? null : query.RelationshipTypes.ToHashSet(StringComparer.Ordinal);
            if (store._adjacency.TryStep(sequence, ids, (byte)forward, (byte)backward, wanted, query.WithColumns, query.IncludeRemoved, steps)
                is { } graph && EdgesOf(steps, graph) is { } stepped)
                return stepped;

            var frontier = JsonSerializer.Serialize(ids);
            var hops = Statement(HopsSql, ("$frontier", frontier), ("$columnsOf", query.WithColumns ? frontier : "[]"),
                ("$forward", (int)forward), ("$backward", (int)backward), ("$typeCount", query.RelationshipTypes.Count),
                ("$types", JsonSerializer.Serialize(query.RelationshipTypes)), ("$includeRemoved", query.IncludeRemoved ? 1 : 0));
            var edges = new List<LineageEdge>();
            // The same few relationship names come back on every row: one string each.
            var types = new Dictionary<string, string>(StringComparer.Ordinal);
            await using var reader = await hops.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var (source, target, lineage) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(3));
                // The far end is the target of a forward edge and the source of a backward one; the near end is a
                // frontier node, whose urn is known, or one of its columns, whose urn the row brings.
                var (near, far) = lineage == (int)forward ? (source, target) : (target, source);
                if (!_urns.ContainsKey(far)) Remember(far, reader.GetString(4));
                if (!_urns.ContainsKey(near)) Remember(near, reader.GetString(5));
                var type = reader.GetString(2);
                if (!types.TryGetValue(type, out var known)) types[type] = known = type;
                edges.Add(Edge(_urns[source], _urns[target], known, lineage));
            }
            return edges;
        }

        public async Task<IReadOnlyDictionary<string, NodeFacts>> GetNodeFactsAsync(
            IReadOnlyCollection<string> urns, bool withOwners, CancellationToken ct)
        {
            var facts = new Dictionary<string, NodeFacts>(urns.Count, StringComparer.Ordinal);
            if (urns.Count == 0) return facts;
            var (nodes, sequence) = await SnapshotNodesAsync(urns, ct);
            var held = new NodeFacts?[nodes.Count];
            if (store._adjacency.TryFacts(sequence, nodes.ConvertAll(n => n.Id), held))
            {
                for (var i = 0; i < nodes.Count; i++)
                {
                    var fact = held[i] ?? NamedOnly;
                    facts[nodes[i].Urn] = withOwners || fact.Owners.Count == 0 ? fact : fact with { Owners = [] };
                }
                return facts;
            }

            var urnOf = new Dictionary<long, string>(nodes.Count);
            foreach (var (urn, id) in nodes) urnOf[id] = urn;
            await using var reader = await Statement(FactsSql, ("$ids", JsonSerializer.Serialize(urnOf.Keys)), ("$withOwners", withOwners ? 1 : 0))
                .ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var owners = Owners(reader.IsDBNull(4) ? null : reader.GetString(4));
                facts[urnOf[reader.GetInt64(0)]] = new NodeFacts(reader.GetInt64(1) != 0, reader.GetInt64(2) != 0, reader.GetInt64(3) != 0, owners);
            }
            return facts;
        }

        public async Task<IReadOnlyList<LineageEdge>> GetEdgesAmongAsync(
            IReadOnlyCollection<string> urns, IReadOnlyList<string> types, bool withColumns, CancellationToken ct)
        {
            if (urns.Count == 0) return [];
            var (nodes, sequence) = await SnapshotNodesAsync(urns, ct);
            var ids = nodes.ConvertAll(n => n.Id);
            var steps = new List<LineageAdjacency.Step>();
            if (store._adjacency.TryEdgesAmong(sequence, ids, types.Count == 0 ? null : types.ToHashSet(StringComparer.Ordinal), withColumns, steps)
                is { } graph && EdgesOf(steps, graph) is { } among)
                return among;

            var statement = Statement(AmongSql, ("$ids", JsonSerializer.Serialize(ids)), ("$withColumns", withColumns ? 1 : 0),
                ("$typeCount", types.Count), ("$types", JsonSerializer.Serialize(types)));
            var edges = new List<LineageEdge>();
            await using var reader = await statement.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                edges.Add(Edge(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3)) with
                {
                    Mapping = reader.IsDBNull(4) ? null : JsonSerializer.Deserialize<ColumnMapping>(reader.GetString(4), MappingJson),
                });
            }
            return edges;
        }

        private void Remember(long id, string urn)
        {
            _urns[id] = urn;
            _ids[urn] = id;
        }

        /// <summary>
        /// The edges of steps taken in memory, as the SQL step would give them, each end's urn decoded once per read;
        /// null if the graph lacks one (the caller then steps in SQL).
        /// </summary>
        private List<LineageEdge>? EdgesOf(List<LineageAdjacency.Step> steps, LineageAdjacency.Graph graph)
        {
            var edges = new List<LineageEdge>(steps.Count);
            foreach (var step in steps)
            {
                if (UrnOf(step.Source) is not { } source || UrnOf(step.Target) is not { } target) return null;
                edges.Add(Edge(source, target, graph.Types[step.Type], step.Lineage));
            }
            return edges;

            string? UrnOf(int id)
            {
                if (_urns.TryGetValue(id, out var urn)) return urn;
                if (graph.UrnOf(id) is not { } decoded) return null;
                Remember(id, decoded);
                return decoded;
            }
        }

        private static IReadOnlyList<string> Owners(string? json) => json is null ? [] : JsonSerializer.Deserialize<string[]>(json)!;

        /// <summary>
        /// The urns' nodes (<see cref="NodesAsync"/>), with the read's snapshot sequence known, for a read that may be
        /// served from memory. A read from memory runs no statement that would notice a deadline already past: checked here.
        /// </summary>
        private async Task<(List<(string Urn, long Id)> Nodes, long Sequence)> SnapshotNodesAsync(IReadOnlyCollection<string> urns, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            var nodes = await NodesAsync(urns, ct);
            _sequence ??= await SequenceAsync(ct);
            return (nodes, _sequence.Value);
        }

        /// <summary>
        /// The urns that have a node, each with its id, in their order; a urn not met before by this read is looked up
        /// (a frontier's urns were all met on the level before, so that is the root, or none).
        /// </summary>
        private async Task<List<(string Urn, long Id)>> NodesAsync(IReadOnlyCollection<string> urns, CancellationToken ct)
        {
            var nodes = new List<(string, long)>(urns.Count);
            List<string>? unknown = null;
            foreach (var urn in urns)
            {
                if (_ids.TryGetValue(urn, out var id)) nodes.Add((urn, id));
                else (unknown ??= []).Add(urn);
            }
            if (unknown is null) return nodes;
            await using (var reader = await Statement(IdsSql, ("$urns", JsonSerializer.Serialize(unknown))).ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct)) Remember(reader.GetInt64(1), reader.GetString(0));
            }
            nodes.Clear();
            foreach (var urn in urns)
                if (_ids.TryGetValue(urn, out var id)) nodes.Add((urn, id));
            return nodes;
        }

        /// <summary>The facts of a node only named by edges, as the file holds them.</summary>
        private static readonly NodeFacts NamedOnly = new(false, false, false, []);

        private async Task<long> SequenceAsync(CancellationToken ct) => (long)(await Statement(LineageAdjacency.SequenceSql).ExecuteScalarAsync(ct))!;

        private static LineageEdge Edge(string source, string target, string type, long lineage) =>
            new(source, target, type, lineage == (int)LineageRole.TargetIsUpstream ? target : source);

        private SqliteCommand Statement(string sql, params (string Name, object? Value)[] parameters) =>
            connection.Statement(transaction, sql, parameters);

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            if (store._readers.Count < KeptReaders) store._readers.Add(connection);
            else await connection.DisposeAsync();
        }
    }

    public async Task<IReadOnlyList<LineageEdge>> GetHistoricalLineageEdgesAsync(
        IReadOnlyCollection<string> urns, bool withColumns, LineageTime time, CancellationToken ct)
    {
        if (urns.Count == 0) return [];
        await using var connection = await OpenAsync(ct);
        // The urns' nodes and, with columns, their columns' (MATERIALIZED: read once, then a seek per node into each
        // end's index). UNION: an edge between two of them is found from both ends, and one stated by two aspects is
        // one edge of the graph.
        await using var command = Command(connection, """
            WITH near(id) AS MATERIALIZED (
                SELECT n.id FROM json_each($urns) u CROSS JOIN nodes n ON n.urn = u.value
                UNION
                SELECT c.id FROM json_each($urns) u CROSS JOIN nodes n ON n.urn = u.value CROSS JOIN nodes c ON c.parent = n.id
                WHERE $withColumns),
            current(source, type, target, lineage, mapping) AS (
                SELECT h.source, h.type, h.target, h.lineage, h.mapping FROM near x CROSS JOIN edge_history h ON h.source = x.id
                WHERE h.since <= $to AND (h.until IS NULL OR h.until > $from)
                UNION
                SELECT h.source, h.type, h.target, h.lineage, h.mapping FROM near x CROSS JOIN edge_history h ON h.target = x.id
                WHERE h.since <= $to AND (h.until IS NULL OR h.until > $from))
            SELECT s.urn, t.urn, e.type, e.lineage, e.mapping
            FROM current e CROSS JOIN nodes s ON s.id = e.source CROSS JOIN nodes t ON t.id = e.target
            """, ("$urns", JsonSerializer.Serialize(urns)), ("$withColumns", withColumns ? 1 : 0),
            ("$from", time.From.ToUnixTimeMilliseconds()), ("$to", time.To.ToUnixTimeMilliseconds()));
        var edges = new List<LineageEdge>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (source, target) = (reader.GetString(0), reader.GetString(1));
            var upstream = reader.GetInt64(3) == (int)LineageRole.TargetIsUpstream ? target : source;
            edges.Add(new LineageEdge(source, target, reader.GetString(2), upstream)
            {
                Mapping = reader.IsDBNull(4) ? null : JsonSerializer.Deserialize<ColumnMapping>(reader.GetString(4), MappingJson),
            });
        }
        return edges;
    }

    public async Task<IReadOnlyDictionary<string, long>> GetConnectivityAsync(IReadOnlyCollection<string> urns, CancellationToken ct)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        if (urns.Count == 0) return counts;
        await using var connection = await OpenAsync(ct);
        // Counted in memory while the copy follows the file's latest commit: in SQL a hub's count walks every one of
        // its edges, and the search index asks for it each time one of them comes or goes.
        var sequence = await LineageAdjacency.SequenceAsync(connection, null, ct);
        var nodes = new List<(string Urn, long Id)>(urns.Count);
        await using (var command = Command(connection, "SELECT n.urn, n.id FROM json_each($urns) u CROSS JOIN nodes n ON n.urn = u.value",
                         ("$urns", JsonSerializer.Serialize(urns))))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) nodes.Add((reader.GetString(0), reader.GetInt64(1)));
        }
        var degrees = new long[nodes.Count];
        if (_adjacency.TryDegrees(sequence, nodes.ConvertAll(n => n.Id), degrees))
        {
            for (var i = 0; i < nodes.Count; i++)
                if (degrees[i] > 0) counts[nodes[i].Urn] = degrees[i];
            return counts;
        }

        await using (var command = Command(connection, """
            SELECT j.value ->> 0,
                   (SELECT COUNT(*) FROM edges WHERE source = j.value ->> 1) + (SELECT COUNT(*) FROM edges WHERE target = j.value ->> 1)
            FROM json_each($nodes) j
            """, ("$nodes", JsonSerializer.Serialize(nodes.Select(n => new object[] { n.Urn, n.Id })))))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                if (reader.GetInt64(1) > 0) counts[reader.GetString(0)] = reader.GetInt64(1);
        }
        return counts;
    }
}
