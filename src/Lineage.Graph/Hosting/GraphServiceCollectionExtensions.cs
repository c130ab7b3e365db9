using Lineage.Graph.Registry;
using Lineage.Graph.Storage;
using Lineage.Graph.Storage.Neo4j;
using Lineage.Graph.Storage.Sqlite;
using Lineage.Graph.Traversal;
using Lineage.Graph.Writing;
using Microsoft.Extensions.DependencyInjection;
using Lineage.Graph.Errors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lineage.Graph.Hosting;

/// <summary>Registers the model, the configured store and the write path.</summary>
public static class GraphServiceCollectionExtensions
{
    public static IServiceCollection AddLineageGraph(this IServiceCollection services)
    {
        services.AddOptions<StoreOptions>()
            .BindConfiguration(StoreOptions.Section)
            .Validate(o => o.Store is StoreOptions.Embedded or StoreOptions.Neo4j, "Lineage:Store must be 'embedded' or 'neo4j'")
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), "Lineage:DataDirectory must be set")
            .ValidateOnStart();
        services.AddOptions<Neo4jOptions>().BindConfiguration(Neo4jOptions.Section);
        // Whatever keeps files in the data directory (the embedded store, the search index, the tokens) asks for
        // this first, so the directory is checked and locked before any of them opens a file.
        services.AddSingleton(sp => DataDirectory.Claim(sp.GetRequiredService<IOptions<StoreOptions>>().Value.DataDirectory));
        services.AddSingleton(MetadataRegistry.Default);
        services.AddSingleton(TimeProvider.System);
        // One client, and so one connection pool, for everything that talks to Neo4j: the store and the API tokens.
        services.AddSingleton(sp => new CypherClient(sp.GetRequiredService<IOptions<Neo4jOptions>>().Value));
        services.AddSingleton<IGraphStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StoreOptions>>().Value;
            return options.Store switch
            {
                StoreOptions.Embedded => new SqliteGraphStore(
                    SqliteGraphStore.PathIn(sp.GetRequiredService<DataDirectory>().Path), sp.GetRequiredService<TimeProvider>()),
                _ => new Neo4jGraphStore(sp.GetRequiredService<CypherClient>(), sp.GetRequiredService<TimeProvider>()),
            };
        });
        services.AddSingleton<Changes.ChangeSignal>();
        services.AddOptions<WriteLimits>().BindConfiguration(WriteLimits.Section)
            .Validate(o => o.MaxUrnBytes > 0 && o.MaxAspectBytes > 0 && o.MaxBatchSize > 0, "Lineage:Limits values must be positive")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<WriteLimits>>().Value);
        services.AddSingleton<MetadataWriter>();
        services.AddSingleton<Reading.MetadataReader>();
        services.AddOptions<TraversalOptions>()
            .BindConfiguration(TraversalOptions.Section)
            .Validate(o => o.MaxHops >= 1 && o.DefaultLineageHops >= 1 && o.DefaultLineageHops <= o.MaxHops, "Lineage:Traversal hops must be 1 <= DefaultLineageHops <= MaxHops")
            .Validate(o => o.MaxNodes >= 1, "Lineage:Traversal:MaxNodes must be at least 1")
            .Validate(o => o.DefaultLineageLimit >= 1, "Lineage:Traversal:DefaultLineageLimit must be at least 1")
            .Validate(o => o.DefaultImpactCount >= 0, "Lineage:Traversal:DefaultImpactCount must not be negative")
            .Validate(o => o.QueryTimeout > TimeSpan.Zero, "Lineage:Traversal:QueryTimeout must be positive")
            .ValidateOnStart();
        services.AddSingleton<LineageService>();
        services.AddHostedService<StoreInitializer>();
        services.AddHostedService<EdgeHistoryReplay>();
        return services;
    }

    /// <summary>Creates the store's schema before the first request is served, when the store is there to do it.</summary>
    private sealed class StoreInitializer(IGraphStore store, ILogger<StoreInitializer> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            try
            {
                await store.InitializeAsync(cancellationToken);
            }
            catch (StoreUnavailableException e) when (e.IsRetriable)
            {
                // Neo4j may come up after the service: requests answer 503 until it does.
                logger.LogWarning("The store is not reachable yet ({Reason}); requests will answer 503 until it is.", e.Message);
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
