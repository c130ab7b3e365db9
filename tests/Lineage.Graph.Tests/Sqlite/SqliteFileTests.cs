using Lineage.Graph.Storage.Sqlite;
using Lineage.Graph.Traversal;
using Microsoft.Data.Sqlite;

namespace Lineage.Graph.Tests.Sqlite;

/// <summary>The embedded store is one SQLite file in the data directory, in write-ahead-log mode, which a newer store upgrades in place.</summary>
public sealed class SqliteFileTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lineage-tests", $"file-{Guid.NewGuid():N}");

    [Fact]
    public async Task the_store_is_one_file_in_the_data_directory_in_wal_mode()
    {
        var path = SqliteGraphStore.PathIn(_directory);
        await using (var store = new SqliteGraphStore(path))
            await store.InitializeAsync(CancellationToken.None);

        path.ShouldBe(Path.Combine(_directory, "lineage.db"));
        File.Exists(path).ShouldBeTrue();
        // The journal mode is kept in the file itself: a plain connection sees what the store set. WAL is what
        // lets readers (search, lineage) run while a batch commits.
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        ((string)(await command.ExecuteScalarAsync())!).ShouldBe("wal");
    }

    [Fact]
    public async Task a_database_from_before_column_lineage_keeps_its_edges_and_takes_column_edges()
    {
        var path = SqliteGraphStore.PathIn(_directory);
        const string feature = "urn:li:mlFeature:(t,f)", dataset = "urn:li:dataset:(urn:li:dataPlatform:hive,t,PROD)";
        await using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await old.OpenAsync();
            await using var create = old.CreateCommand();
            // The edges table as the first round made it: no owner in the primary key, no mapping.
            create.CommandText = $"""
                CREATE TABLE edges (source TEXT NOT NULL, aspect TEXT NOT NULL, type TEXT NOT NULL, target TEXT NOT NULL,
                    lineage INTEGER NOT NULL, PRIMARY KEY (source, aspect, type, target)) WITHOUT ROWID;
                CREATE INDEX edges_by_target ON edges (target, type, source);
                INSERT INTO edges VALUES ('{feature}', 'mlFeatureProperties', 'DerivedFrom', '{dataset}', 1);
                """;
            await create.ExecuteNonQueryAsync();
        }

        await using var store = new SqliteGraphStore(path);
        await store.InitializeAsync(CancellationToken.None);
        await store.InitializeAsync(CancellationToken.None);

        var hops = await store.GetLineageHopsAsync(
            new LineageHopQuery([dataset], LineageDirection.Downstream, [], false, WithColumns: true), CancellationToken.None);
        hops.ShouldBe([new LineageEdge(feature, dataset, "DerivedFrom", dataset)]);
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var columns = connection.CreateCommand();
        columns.CommandText = "SELECT group_concat(name, ' ') FROM pragma_table_info('edges')";
        ((string)(await columns.ExecuteScalarAsync())!).ShouldBe("source aspect type target owner lineage mapping");
    }

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
