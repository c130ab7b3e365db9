using Lineage.Graph.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Lineage.Graph.Tests.Sqlite;

/// <summary>The embedded store is one SQLite file in the data directory, in write-ahead-log mode.</summary>
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
