using System.Security.Cryptography;
using Lineage.Api.Changes.Webhooks.Persistence;
using Lineage.Graph.Errors;
using Lineage.Graph.Registry;
using Lineage.Graph.Storage;
using Lineage.Graph.Urns;

namespace Lineage.Api.Changes.Webhooks;

/// <summary>What the admin endpoints do with webhooks: register, list, remove and re-enable them, and read their log.</summary>
internal sealed class WebhookRegistrations(
    IWebhookPersistence persistence, IGraphStore store, MetadataRegistry registry, WebhookDispatcher dispatcher, TimeProvider clock)
{
    /// <summary>
    /// Registers a webhook for the changes after <paramref name="after"/>, or for those still to come when null; a filter
    /// naming an entity type or aspect this service does not know, or a malformed urn, is a 400 naming it.
    /// </summary>
    public async Task<Webhook> RegisterAsync(Uri url, string secret, WebhookFilter filter, string? description, long? after, CancellationToken ct)
    {
        for (var i = 0; i < filter.EntityTypes.Count; i++)
        {
            if (registry.Entity(filter.EntityTypes[i]) is null)
                throw new ValidationException($"filters.entityTypes[{i}]", $"'{filter.EntityTypes[i]}' is not an entity type this service knows");
        }
        for (var i = 0; i < filter.Aspects.Count; i++)
        {
            if (registry.Aspect(filter.Aspects[i]) is null)
                throw new ValidationException($"filters.aspects[{i}]", $"'{filter.Aspects[i]}' is not an aspect this service knows");
        }
        if (filter.DownstreamOf is { } root) filter = filter with { DownstreamOf = Urn.Parse(root, "filters.downstreamOf").ToString() };

        var cursor = after ?? await store.GetLastSequenceAsync(ct);
        var webhook = new Webhook($"wh_{RandomNumberGenerator.GetHexString(20, lowercase: true)}", url, secret, filter, description,
            clock.GetUtcNow(), new WebhookState(cursor, 0, true, null));
        await persistence.CreateAsync(webhook, ct);
        dispatcher.RegistrationsChanged();
        return webhook;
    }

    public Task<IReadOnlyList<Webhook>> ListAsync(CancellationToken ct) => persistence.ListAsync(ct);

    public async Task<Webhook> GetAsync(string id, CancellationToken ct) =>
        await persistence.FindAsync(id, ct) ?? throw new NotFoundException($"no webhook {id}");

    public async Task DeleteAsync(string id, CancellationToken ct)
    {
        if (!await persistence.DeleteAsync(id, ct)) throw new NotFoundException($"no webhook {id}");
        dispatcher.RegistrationsChanged();
    }

    /// <summary>Enables a disabled webhook again: delivery goes on from the change it stopped at.</summary>
    public async Task<Webhook> EnableAsync(string id, CancellationToken ct)
    {
        if (!await persistence.EnableAsync(id, ct)) throw new NotFoundException($"no webhook {id}");
        dispatcher.RegistrationsChanged();
        return await GetAsync(id, ct);
    }

    public async Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(string id, int limit, CancellationToken ct)
    {
        await GetAsync(id, ct);
        return await persistence.DeliveriesAsync(id, limit, ct);
    }
}
