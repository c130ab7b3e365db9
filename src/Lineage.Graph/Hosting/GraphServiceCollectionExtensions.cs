using Lineage.Graph.Registry;
using Lineage.Graph.Storage;
using Lineage.Graph.Storage.Neo4j;
using Lineage.Graph.Storage.Sqlite;
using Lineage.Graph.Writing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
        services.AddSingleton(MetadataRegistry.Default);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IGraphStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StoreOptions>>().Value;
            return options.Store switch
            {
                StoreOptions.Embedded => new SqliteGraphStore(SqliteGraphStore.PathIn(options.DataDirectory), sp.GetRequiredService<TimeProvider>()),
                _ => new Neo4jGraphStore(
                    new CypherClient(sp.GetRequiredService<IOptions<Neo4jOptions>>().Value), sp.GetRequiredService<TimeProvider>()),
            };
        });
        services.AddSingleton<MetadataWriter>();
        services.AddSingleton<Reading.MetadataReader>();
        services.AddHostedService<StoreInitializer>();
        return services;
    }

    /// <summary>Creates the store's schema before the first request is served.</summary>
    private sealed class StoreInitializer(IGraphStore store) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
