using System.Text.Json.Nodes;
using Lineage.Graph.Storage.Neo4j;

namespace Lineage.Api.Changes.Webhooks.Persistence;

/// <summary>
/// The webhooks as <c>:Webhook</c> nodes and their log as <c>:WebhookDelivery</c> nodes in Neo4j, shared by every
/// instance on the server; the lease on each node decides which instance delivers it. Every statement is a file under
/// <c>cypher/webhooks/</c>; values travel as parameters.
/// </summary>
internal sealed class Neo4jWebhookPersistence(CypherClient client) : IWebhookPersistence
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        var major = await client.MajorVersionAsync(ct);
        // A schema statement cannot share a transaction with anything else.
        foreach (var name in WebhookCypher.Schema)
            await client.RunAsync([Statement(CypherCatalog.SchemaFor(name, major), [])], ct);
    }

    public async Task<IReadOnlyList<Webhook>> ListAsync(CancellationToken ct) =>
        [.. (await RunOneAsync(WebhookCypher.List, [], ct)).Rows.Select(Read)];

    public async Task<Webhook?> FindAsync(string id, CancellationToken ct) =>
        (await RunOneAsync(WebhookCypher.Find, new JsonObject { ["id"] = id }, ct)).Rows.Select(Read).SingleOrDefault();

    public Task CreateAsync(Webhook webhook, CancellationToken ct) =>
        RunOneAsync(WebhookCypher.Create, new JsonObject
        {
            ["id"] = webhook.Id,
            ["url"] = webhook.Url.ToString(),
            ["secret"] = webhook.Secret,
            ["filter"] = WebhookRows.FilterJson(webhook.Filter),
            ["description"] = webhook.Description,
            ["createdAt"] = webhook.CreatedAt.ToUnixTimeMilliseconds(),
            ["cursor"] = webhook.State.Cursor,
        }, ct);

    public async Task<bool> DeleteAsync(string id, CancellationToken ct) =>
        (await RunOneAsync(WebhookCypher.Delete, new JsonObject { ["id"] = id }, ct)).Rows.Count > 0;

    public async Task<Webhook?> LeaseAsync(string id, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken ct) =>
        (await RunOneAsync(WebhookCypher.Lease, new JsonObject
        {
            ["id"] = id,
            ["owner"] = owner,
            ["now"] = now.ToUnixTimeMilliseconds(),
            ["until"] = until.ToUnixTimeMilliseconds(),
        }, ct)).Rows.Select(Read).SingleOrDefault();

    public async Task<bool> SaveStateAsync(string id, string owner, WebhookState state, CancellationToken ct) =>
        (await RunOneAsync(WebhookCypher.SaveState, new JsonObject
        {
            ["id"] = id,
            ["owner"] = owner,
            ["cursor"] = state.Cursor,
            ["failures"] = state.ConsecutiveFailures,
            ["enabled"] = state.Enabled,
            ["disabledReason"] = state.DisabledReason,
        }, ct)).Rows.Count > 0;

    public async Task<bool> EnableAsync(string id, CancellationToken ct) =>
        (await RunOneAsync(WebhookCypher.Enable, new JsonObject { ["id"] = id }, ct)).Rows.Count > 0;

    public Task AppendDeliveryAsync(WebhookDelivery delivery, int kept, CancellationToken ct) =>
        RunOneAsync(WebhookCypher.AppendDelivery, new JsonObject
        {
            ["webhook"] = delivery.Webhook,
            ["sequence"] = delivery.Sequence,
            ["attempt"] = delivery.Attempt,
            ["at"] = delivery.At.ToUnixTimeMilliseconds(),
            ["status"] = delivery.Status,
            ["error"] = delivery.Error,
            ["durationMs"] = delivery.DurationMs,
            ["delivered"] = delivery.Delivered,
            ["kept"] = kept,
        }, ct);

    public async Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(string id, int limit, CancellationToken ct) =>
        [.. (await RunOneAsync(WebhookCypher.Deliveries, new JsonObject { ["id"] = id, ["limit"] = limit }, ct)).Rows
            .Select(r => new WebhookDelivery(r[0]!.GetValue<string>(), r[1]!.GetValue<long>(), r[2]!.GetValue<int>(),
                DateTimeOffset.FromUnixTimeMilliseconds(r[3]!.GetValue<long>()), r[4]?.GetValue<int>(), r[5]?.GetValue<string>(),
                r[6]!.GetValue<long>(), r[7]!.GetValue<bool>()))];

    /// <summary>A row of id, url, secret, filter, description, createdAt, cursor, failures, enabled, disabledReason.</summary>
    private static Webhook Read(JsonArray row) => new(
        row[0]!.GetValue<string>(), new Uri(row[1]!.GetValue<string>()), row[2]!.GetValue<string>(), WebhookRows.Filter(row[3]!.GetValue<string>()),
        row[4]?.GetValue<string>(), DateTimeOffset.FromUnixTimeMilliseconds(row[5]!.GetValue<long>()),
        new WebhookState(row[6]!.GetValue<long>(), row[7]!.GetValue<int>(), row[8]!.GetValue<bool>(), row[9]?.GetValue<string>()));

    private async Task<CypherResult> RunOneAsync(string name, JsonObject parameters, CancellationToken ct) =>
        (await client.RunAsync([Statement(name, parameters)], ct))[0];

    private static CypherStatement Statement(string name, JsonObject parameters) => new(name, CypherCatalog.Get(name), parameters);
}
