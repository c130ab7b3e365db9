using System.Globalization;
using System.Runtime.CompilerServices;
using Lineage.Graph.Errors;
using Microsoft.Data.Sqlite;

namespace Lineage.Graph.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Writes are serialised in-process (SQLite has one writer
/// anyway): the batches waiting for the writer go into one IMMEDIATE transaction, a savepoint each; reads run beside
/// them on their own connections, a lineage answer in one read transaction. The lineage graph is also kept in memory
/// (<see cref="LineageAdjacency"/>), loaded on opening and changed by the writer after each commit, for the walks.
/// </summary>
public sealed partial class SqliteGraphStore : IGraphStore
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly TimeProvider _clock;
    private readonly LineageAdjacency _adjacency = new();

    public SqliteGraphStore(string databasePath, TimeProvider? clock = null)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The database file inside a data directory.</summary>
    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, "lineage.db");

    public async Task InitializeAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using (var journal = connection.CreateCommand())
        {
            journal.CommandText = SqliteSchema.JournalMode;
            await journal.ExecuteNonQueryAsync(ct);
        }
        // One transaction, so that an upgrade from text-keyed tables is all done or not at all.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        async Task<object?> RunAsync(string sql, params (string Name, object? Value)[] parameters)
        {
            await using var command = Command(connection, sql, parameters);
            command.Transaction = transaction;
            return await command.ExecuteScalarAsync(ct);
        }

        var shape = Convert.ToInt32(await RunAsync(SqliteSchema.Shape));
        if (shape != 0) await RunAsync(SqliteSchema.MoveAside(shape));
        var lacksEdgeHistory = Convert.ToInt32(await RunAsync(SqliteSchema.LacksEdgeHistory)) == 1;
        await RunAsync(SqliteSchema.Create);
        var lacksFacts = Convert.ToInt32(await RunAsync(SqliteSchema.LacksFacts)) == 1;
        if (lacksFacts) await RunAsync(SqliteSchema.AddFacts);
        if (Convert.ToInt32(await RunAsync(SqliteSchema.ChangesLackActor)) == 1) await RunAsync(SqliteSchema.AddChangeActor);
        if (Convert.ToInt32(await RunAsync(SqliteSchema.AspectsLackDeletion)) == 1) await RunAsync(SqliteSchema.AddAspectDeletion);
        if (shape != 0)
        {
            var urns = new List<string>();
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = SqliteSchema.OldUrns;
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) urns.Add(reader.GetString(0));
            }
            NodeNumbering.Number(connection, transaction, urns);
            await RunAsync(SqliteSchema.CopyOld);
        }
        if (lacksFacts || shape != 0) await RunAsync(SqliteSchema.RefreshAllFacts);
        if (lacksEdgeHistory) await RunAsync(SqliteSchema.DateEdges, ("$now", _clock.GetUtcNow().ToUnixTimeMilliseconds()));
        await transaction.CommitAsync(ct);

        // Under the write lock: a write committed between the load's snapshot and its publication would be missed.
        await _writeLock.WaitAsync(ct);
        try
        {
            await using var load = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            await _adjacency.LoadAsync(connection, load, ct);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    // The physical connections already set up: a pooled connection keeps its pragmas, so each is set once, not on
    // every open (a leaf's lineage is a handful of statements, and three pragmas each time were a third of them).
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = new();

    /// <summary>
    /// A pooled connection, set up the first time it is opened. FULL makes a commit durable before it is acknowledged,
    /// not only across a process crash. Checkpointing every 64 MiB of WAL instead of SQLite's 4 MiB lets a hot page be
    /// copied back once for many commits (batched ingest of a 40k-entity estate measured 3,350 → 3,950 aspects/s).
    /// Reads go through a memory map of the file's first <see cref="MappedBytes"/>, so random seeks into it cost no read
    /// call each (SQLite's own page cache is 2 MB a connection).
    /// </summary>
    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            if (_configured.TryGetValue(connection.Handle!, out _)) return connection;
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = string.Create(CultureInfo.InvariantCulture,
                $"PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000; PRAGMA wal_autocheckpoint = 16384; PRAGMA mmap_size = {MappedBytes};");
            await pragmas.ExecuteNonQueryAsync(ct);
            _configured.AddOrUpdate(connection.Handle!, true);
            return connection;
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync();
            throw Translate(e);
        }
    }

    /// <summary>
    /// How much of the database file reads map into memory. The pages touched count in the service's resident memory,
    /// and since the lineage graph is held in memory (<see cref="LineageAdjacency"/>) walks no longer seek the file: a
    /// smaller map than the 256 MiB it was (at M the lineage rows were no slower with it).
    /// </summary>
    private const long MappedBytes = 128L << 20;

    /// <summary>The one place SQLite's errors become Lineage's.</summary>
    private static LineageException Translate(SqliteException e) => e.SqliteErrorCode switch
    {
        5 or 6 => new StoreUnavailableException("The embedded store is busy; try again.", isRetriable: true, e), // BUSY, LOCKED
        10 or 13 or 14 => new StoreUnavailableException($"The embedded store cannot be used: {e.Message}", isRetriable: false, e), // IOERR, FULL, CANTOPEN
        _ => new StoreUnavailableException($"The embedded store failed: {e.Message}", isRetriable: false, e),
    };

    public async ValueTask DisposeAsync()
    {
        while (_readers.TryTake(out var reader)) await reader.DisposeAsync();
        _writeLock.Dispose();
        SqliteConnection.ClearAllPools();
    }
}
