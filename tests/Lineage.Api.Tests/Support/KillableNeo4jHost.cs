using Lineage.Graph.Storage.Neo4j;
using Lineage.Graph.Tests.Neo4j;
using Microsoft.AspNetCore.Hosting;

namespace Lineage.Api.Tests.Support;

/// <summary>
/// The web host on a Neo4j server of its own (the named instance <see cref="InstanceName"/> of
/// scripts/neo4j-test-server.sh), which a test may kill and resume without touching the shared test server.
/// </summary>
public sealed class KillableNeo4jHost : IAsyncLifetime
{
    public const string InstanceName = "api-killed";

    private Neo4jInstance? _instance;
    private Factory? _factory;

    public Neo4jInstance Neo4j => _instance ?? throw new InvalidOperationException("Not initialised.");

    public LineageApiFactory Host => _factory ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>Cypher straight to the server, past the service: what is really stored.</summary>
    public CypherClient Cypher { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _instance = await Neo4jInstance.StartAsync(InstanceName);
        _factory = new Factory(_instance.Uri);
        Cypher = new CypherClient(new Neo4jOptions { Uri = _instance.Uri, RetryBudget = TimeSpan.FromSeconds(10) });
    }

    public async Task DisposeAsync()
    {
        Cypher?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        if (_instance is not null) await _instance.DisposeAsync();
    }

    private sealed class Factory(string uri) : LineageApiFactory
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("Lineage:Store", "neo4j");
            builder.UseSetting("Lineage:Neo4j:Uri", uri);
            // A request that meets a dead server gives up soon with a 503 rather than retrying for the default 5 s.
            builder.UseSetting("Lineage:Neo4j:RetryBudget", "00:00:01");
            // Room for a batch that keeps Neo4j busy for a while.
            builder.UseSetting("Lineage:Limits:MaxBatchSize", "20000");
            builder.UseSetting("Lineage:Limits:MaxRequestBodyBytes", (64 * 1024 * 1024).ToString());
        }
    }
}
