using Lineage.Api.Changes.Webhooks.Persistence;
using Lineage.Graph.Storage;
using Lineage.Graph.Storage.Neo4j;
using Microsoft.Extensions.Options;

namespace Lineage.Api.Changes.Webhooks;

/// <summary>Registers webhook delivery: where webhooks are kept (beside the store in use), the dispatcher and its HTTP client.</summary>
internal static class WebhookServiceCollectionExtensions
{
    public static IServiceCollection AddLineageWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section)
            .Validate(o => o.MaxConsecutiveFailures >= 1, "Lineage:Webhooks:MaxConsecutiveFailures must be 1 or more")
            .Validate(o => o.RetryBase > TimeSpan.Zero && o.RetryMax >= o.RetryBase, "Lineage:Webhooks:RetryBase must be positive and RetryMax at least as long")
            .Validate(o => o.Timeout > TimeSpan.Zero && o.Lease > TimeSpan.Zero && o.Refresh > TimeSpan.Zero,
                "Lineage:Webhooks:Timeout, Lease and Refresh must be positive")
            .Validate(o => o.DeliveriesKept >= 1, "Lineage:Webhooks:DeliveriesKept must be 1 or more")
            .ValidateOnStart();
        services.AddSingleton<IWebhookPersistence>(sp =>
            sp.GetRequiredService<IOptions<StoreOptions>>().Value.Store == StoreOptions.Neo4j
                ? new Neo4jWebhookPersistence(sp.GetRequiredService<CypherClient>())
                : new SqliteWebhookPersistence(SqliteWebhookPersistence.PathIn(sp.GetRequiredService<DataDirectory>().Path)));
        services.AddSingleton<WebhookEvents>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        services.AddSingleton<WebhookRegistrations>();
        // Redirects are not followed: a receiver that moved answers 3xx, which is a failed delivery the log shows.
        services.AddHttpClient(WebhookDispatcher.Client, (sp, client) => client.Timeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        return services;
    }
}
