using System.Diagnostics;
using System.Text.Json.Nodes;
using Lineage.Graph.Registry;
using Lineage.Graph.Relationships;
using Lineage.Graph.Traversal;
using Microsoft.Data.Sqlite;

namespace Lineage.Bench;

/// <summary>
/// The lineage floor: the estate's lineage edges in one plain SQLite table (text urns, upstream → downstream) in the
/// bench's own process, and each walk as one recursive CTE. No HTTP, no service, no store schema, no dressing: what a
/// lineage answer costs when nothing is left but walking the edges and reading the answer.
/// </summary>
internal sealed class CteFloor : IDisposable
{
    // Every node reached within $hops, with its fewest hops, nearest first then by urn, cut at $limit (root included):
    // the nodes the service's level-by-level walk keeps, which cuts its last level in urn order. UNION drops a
    // (node, hops) pair already queued, so a node reached by many paths is expanded at most once per depth.
    private const string DownstreamSql = """
        WITH RECURSIVE walk(urn, d) AS (
            SELECT $root, 0
            UNION
            SELECT e.down, w.d + 1 FROM walk w JOIN edges e ON e.up = w.urn WHERE w.d < $hops)
        SELECT urn, min(d) AS d FROM walk GROUP BY urn ORDER BY d, urn LIMIT $limit
        """;

    private const string UpstreamSql = """
        WITH RECURSIVE walk(urn, d) AS (
            SELECT $root, 0
            UNION
            SELECT e.up, w.d + 1 FROM walk w JOIN edges e ON e.down = w.urn WHERE w.d < $hops)
        SELECT urn, min(d) AS d FROM walk GROUP BY urn ORDER BY d, urn LIMIT $limit
        """;

    private readonly string _path;
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _downstream, _upstream;

    private CteFloor(string path, SqliteConnection connection)
    {
        (_path, _connection) = (path, connection);
        _downstream = Prepared(DownstreamSql);
        _upstream = Prepared(UpstreamSql);
    }

    /// <summary>The number of distinct lineage edges in the table.</summary>
    public int Edges { get; private init; }

    /// <summary>Seconds it took to derive the edges and fill the table.</summary>
    public double BuildSeconds { get; private init; }

    /// <summary>Derives the estate's lineage edges with the service's own model and writes them to a fresh temp database.</summary>
    public static CteFloor Build(Estate estate)
    {
        var clock = Stopwatch.StartNew();
        var path = Path.Combine(Path.GetTempPath(), $"lineage-bench-cte-floor-{Guid.NewGuid():N}.db");
        // No pooling, so that closing the connection lets the file go.
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Execute(connection, """
            CREATE TABLE edges (up TEXT NOT NULL, down TEXT NOT NULL, PRIMARY KEY (up, down)) WITHOUT ROWID;
            CREATE INDEX edges_by_down ON edges (down, up);
            """);
        var edges = 0;
        using (var transaction = connection.BeginTransaction())
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT OR IGNORE INTO edges (up, down) VALUES ($up, $down)";
            var up = insert.Parameters.Add("$up", SqliteType.Text);
            var down = insert.Parameters.Add("$down", SqliteType.Text);
            foreach (var (from, to) in LineageEdges(estate))
            {
                (up.Value, down.Value) = (from, to);
                edges += insert.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        // A cache that holds the whole table: the floor measures the walk, not SQLite reading pages from the OS.
        Execute(connection, "PRAGMA cache_size = -262144; ANALYZE;");
        return new CteFloor(path, connection) { Edges = edges, BuildSeconds = clock.Elapsed.TotalSeconds };
    }

    /// <summary>
    /// Runs the walk and reads every row of its answer: each node within <see cref="WalkRow.Hops"/> of
    /// <paramref name="root"/>, with its fewest hops, at most <see cref="WalkRow.Limit"/>. Returns the node count, root included.
    /// </summary>
    public int Walk(string root, WalkRow row) =>
        Walk(root, row, Timeout.InfiniteTimeSpan) ?? throw new InvalidOperationException("a walk without a budget was interrupted");

    /// <summary>
    /// How long one walk of the floor may take before its row goes without a floor. From a hub at 5 hops and more the
    /// CTE expands a node again at every depth it is reached: at L one walk ran for minutes, and the rows after it
    /// (search, autocomplete, memory) were never reached.
    /// </summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    /// <summary>How long timing one row's floor (every root, every round) may be expected to take before it is left out.</summary>
    public static readonly TimeSpan RowBudget = TimeSpan.FromMinutes(2);

    /// <summary>As <see cref="Walk(string, WalkRow)"/>, or null when the walk is still running after <paramref name="budget"/>.</summary>
    public int? Walk(string root, WalkRow row, TimeSpan budget)
    {
        var command = row.Direction == LineageDirection.Downstream ? _downstream : _upstream;
        command.Parameters["$root"].Value = root;
        command.Parameters["$hops"].Value = row.Hops;
        command.Parameters["$limit"].Value = row.Limit;
        // SqliteCommand.Cancel does nothing in Microsoft.Data.Sqlite; sqlite3_interrupt stops the running statement.
        using var interrupt = new Timer(_ => SQLitePCL.raw.sqlite3_interrupt(_connection.Handle), null, budget, Timeout.InfiniteTimeSpan);
        try
        {
            using var reader = command.ExecuteReader();
            var nodes = 0;
            while (reader.Read())
            {
                // The answer is read, not only stepped through: a client of the floor would have it in hand.
                _ = reader.GetString(0);
                _ = reader.GetInt64(1);
                nodes++;
            }
            return nodes;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 9) // SQLITE_INTERRUPT
        {
            return null;
        }
    }

    /// <summary>The row's walk from each of its roots, timed as the row is: the same rounds, one warm-up.</summary>
    public Task<Latency> MeasureAsync(WalkRow row) =>
        Latency.MeasureAsync(row.Roots.Select(root => (Func<Task>)(() =>
        {
            Walk(root, row);
            return Task.CompletedTask;
        })).ToList(), row.Rounds);

    public void Dispose()
    {
        _downstream.Dispose();
        _upstream.Dispose();
        _connection.Dispose();
        try { File.Delete(_path); } catch (IOException) { }
    }

    /// <summary>
    /// The entity-level lineage edges of the estate, upstream → downstream, as the service derives them: the last value
    /// of each aspect (a later write replaces an earlier one's edges) through <see cref="RelationshipExtractor"/>, keeping
    /// only edges with a lineage role, oriented by it. Ownership, tags, terms, domains and the like are not lineage.
    /// </summary>
    private static IEnumerable<(string Up, string Down)> LineageEdges(Estate estate)
    {
        var latest = new Dictionary<(string Urn, string Aspect), (string EntityType, string Value)>();
        foreach (var proposal in estate.Proposals)
        {
            var key = (proposal["entityUrn"]!.GetValue<string>(), proposal["aspectName"]!.GetValue<string>());
            latest[key] = (proposal["entityType"]!.GetValue<string>(), proposal["aspect"]!["value"]!.GetValue<string>());
        }
        foreach (var ((urn, aspect), (entityType, value)) in latest)
        {
            var spec = MetadataRegistry.Default.AspectOf(entityType, aspect)
                ?? throw new InvalidOperationException($"{entityType} has no aspect {aspect} in the service's registry");
            if (aspect == "status" && JsonNode.Parse(value)?["removed"]?.GetValue<bool>() == true)
                Console.WriteLine($"warning: {urn} is soft-deleted; the plain-CTE floor does not leave it out as lineage does");
            foreach (var edge in RelationshipExtractor.Extract(urn, spec, JsonNode.Parse(value)!.AsObject()))
            {
                switch (edge.Lineage)
                {
                    case LineageRole.TargetIsUpstream:
                        yield return (edge.Target, edge.Source);
                        break;
                    case LineageRole.TargetIsDownstream:
                        yield return (edge.Source, edge.Target);
                        break;
                }
            }
        }
    }

    private SqliteCommand Prepared(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add("$root", SqliteType.Text);
        command.Parameters.Add("$hops", SqliteType.Integer);
        command.Parameters.Add("$limit", SqliteType.Integer);
        // Planned once, as a service would keep its statement; each walk only binds the root, hops and limit.
        command.Prepare();
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
