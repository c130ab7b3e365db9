using Lineage.Graph.Storage;
using Lineage.Graph.Storage.Neo4j;
using Lineage.Graph.Tests.StoreContract;

namespace Lineage.Graph.Tests.Neo4j;

/// <summary>The Neo4j store on the test server; every Neo4j class shares the server, one class at a time.</summary>
public sealed class Neo4jStoreFixture : StoreFixture
{
    private readonly List<Neo4jGraphStore> _stores = [];

    public override IGraphStore Store => _stores.Count > 0 ? _stores[0] : throw new InvalidOperationException("Not initialised.");

    public override async Task InitializeAsync() => await OpenAnotherAsync();

    public override async Task<IGraphStore> OpenAnotherAsync(TimeProvider? clock = null)
    {
        var store = new Neo4jGraphStore(new CypherClient(Neo4jServer.Options()), clock);
        await store.InitializeAsync(CancellationToken.None);
        lock (_stores) _stores.Add(store);
        return store;
    }

    public override async Task DisposeAsync()
    {
        foreach (var store in _stores) await store.DisposeAsync();
    }
}

/// <summary>The Neo4j classes run one after another against the one test server.</summary>
[CollectionDefinition(Name)]
public sealed class Neo4jCollection
{
    public const string Name = "neo4j";
}
