using Lineage.Api.Auth.Persistence;
using Lineage.Graph.Storage.Neo4j;
using Lineage.Graph.Tests.Neo4j;

namespace Lineage.Api.Tests.Auth.Persistence;

/// <summary>One token store for a contract class; each adapter enrols with a subclass.</summary>
public abstract class TokenPersistenceFixture : IAsyncLifetime
{
    /// <summary>An instance's view of the class's store, initialised; every call gives another over the same tokens.</summary>
    internal abstract Task<ITokenPersistence> OpenAsync();

    /// <summary>
    /// <paramref name="instances"/> views of a store that has never made its first admin token, as instances starting
    /// on it at the same moment would see it.
    /// </summary>
    internal abstract Task<IReadOnlyList<ITokenPersistence>> OpenUnbootstrappedAsync(int instances);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;
}

/// <summary><c>auth.db</c> files in a temporary folder of the fixture's own.</summary>
public sealed class SqliteTokenPersistenceFixture : TokenPersistenceFixture
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "lineage-token-contract-" + Guid.NewGuid().ToString("N"));

    internal override async Task<ITokenPersistence> OpenAsync() => await OpenAsync(SqliteTokenPersistence.PathIn(_directory));

    internal override async Task<IReadOnlyList<ITokenPersistence>> OpenUnbootstrappedAsync(int instances)
    {
        // A new file has no token, which is what a first admin token waits for on the embedded store.
        var path = Path.Combine(_directory, $"fresh-{Guid.NewGuid():N}.db");
        var views = new List<ITokenPersistence>();
        for (var i = 0; i < instances; i++) views.Add(await OpenAsync(path));
        return views;
    }

    private static async Task<ITokenPersistence> OpenAsync(string path)
    {
        var persistence = new SqliteTokenPersistence(path);
        await persistence.InitializeAsync(CancellationToken.None);
        return persistence;
    }

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return Task.CompletedTask;
    }
}

/// <summary>
/// The shared Neo4j test server, which other tests fill too: tokens have ids of their own, and a store that has not
/// made its first admin token is a bootstrap node of a key of its own.
/// </summary>
public sealed class Neo4jTokenPersistenceFixture : TokenPersistenceFixture
{
    private readonly List<CypherClient> _clients = [];

    internal override Task<ITokenPersistence> OpenAsync() => OpenAsync(Neo4jTokenPersistence.StoreBootstrap);

    internal override async Task<IReadOnlyList<ITokenPersistence>> OpenUnbootstrappedAsync(int instances)
    {
        var key = $"test-{Guid.NewGuid():N}";
        var views = new List<ITokenPersistence>();
        for (var i = 0; i < instances; i++) views.Add(await OpenAsync(key));
        return views;
    }

    /// <summary>A client of its own per view, as separate instances have.</summary>
    private async Task<ITokenPersistence> OpenAsync(string bootstrapKey)
    {
        var client = new CypherClient(Neo4jServer.Options());
        lock (_clients) _clients.Add(client);
        var persistence = new Neo4jTokenPersistence(client, bootstrapKey);
        await persistence.InitializeAsync(CancellationToken.None);
        return persistence;
    }

    public override Task DisposeAsync()
    {
        foreach (var client in _clients) client.Dispose();
        return Task.CompletedTask;
    }
}
