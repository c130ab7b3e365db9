namespace Lineage.Api.Changes.Webhooks.Persistence;

/// <summary>
/// Where webhooks, their progress and their delivery log are kept: <c>webhooks.db</c> beside the embedded store, or
/// Neo4j, where every instance on the same server shares them and a lease gives each webhook to one instance at a time.
/// </summary>
internal interface IWebhookPersistence
{
    /// <summary>Creates the tables or the constraints; repeating it is harmless.</summary>
    Task InitializeAsync(CancellationToken ct);

    /// <summary>Every webhook, oldest first.</summary>
    Task<IReadOnlyList<Webhook>> ListAsync(CancellationToken ct);

    /// <summary>The webhook with this id, or null.</summary>
    Task<Webhook?> FindAsync(string id, CancellationToken ct);

    Task CreateAsync(Webhook webhook, CancellationToken ct);

    /// <summary>Removes the webhook and its delivery log; false when there was none.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken ct);

    /// <summary>
    /// The webhook, with its state as stored now, if <paramref name="owner"/> holds or could take its lease (free, its
    /// own, or run out by <paramref name="now"/>), which then lasts until <paramref name="until"/>; else null.
    /// </summary>
    Task<Webhook?> LeaseAsync(string id, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken ct);

    /// <summary>Records the delivery's progress, if <paramref name="owner"/> still holds the lease; false when it does not.</summary>
    Task<bool> SaveStateAsync(string id, string owner, WebhookState state, CancellationToken ct);

    /// <summary>Enables the webhook again, its failures forgotten, from where it stopped; false when there is none.</summary>
    Task<bool> EnableAsync(string id, CancellationToken ct);

    /// <summary>Logs one attempt, keeping the newest <paramref name="kept"/> of the webhook's.</summary>
    Task AppendDeliveryAsync(WebhookDelivery delivery, int kept, CancellationToken ct);

    /// <summary>The webhook's newest <paramref name="limit"/> attempts, newest first.</summary>
    Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(string id, int limit, CancellationToken ct);
}
