using Lineage.Graph.Storage;
using Lineage.Graph.Storage.Sqlite;
using Lineage.Graph.Tests.StoreContract;

namespace Lineage.Graph.Tests.Sqlite;

/// <summary>A SQLite store in a temp file of its own, deleted (with its WAL files) on dispose.</summary>
public sealed class SqliteStoreFixture : StoreFixture
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "lineage-tests", $"{Guid.NewGuid():N}.db");
    private readonly List<SqliteGraphStore> _stores = [];

    public override IGraphStore Store => _stores.Count > 0 ? _stores[0] : throw new InvalidOperationException("Not initialised.");

    public override async Task InitializeAsync() => await OpenAnotherAsync();

    public override async Task<IGraphStore> OpenAnotherAsync(TimeProvider? clock = null)
    {
        var store = new SqliteGraphStore(_path, clock);
        await store.InitializeAsync(CancellationToken.None);
        lock (_stores) _stores.Add(store);
        return store;
    }

    public override async Task DisposeAsync()
    {
        foreach (var store in _stores) await store.DisposeAsync();
        foreach (var file in new[] { _path, $"{_path}-wal", $"{_path}-shm" })
            File.Delete(file);
    }
}
