using Lineage.Api.Persistence;
using Microsoft.Data.Sqlite;

namespace Lineage.Api.Changes.Webhooks.Persistence;

/// <summary>
/// The webhooks in <c>&lt;dataDir&gt;/webhooks.db</c> (SQLite), for the embedded store. One process owns the data
/// directory, so the lease is always its own to take (a stopped process's is let go at start-up); it is kept all the
/// same, so the two adapters mean one thing.
/// </summary>
internal sealed class SqliteWebhookPersistence(string path) : IWebhookPersistence
{
    private const string Columns =
        "id, url, secret, filter, description, created_at, cursor, failures, enabled, disabled_reason";

    private readonly SqliteSideFile _file = new(path);

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, "webhooks.db");

    public async Task InitializeAsync(CancellationToken ct)
    {
        await WriteAsync("""
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS webhooks (
                id TEXT PRIMARY KEY, url TEXT NOT NULL, secret TEXT NOT NULL, filter TEXT NOT NULL, description TEXT,
                created_at INTEGER NOT NULL, cursor INTEGER NOT NULL, failures INTEGER NOT NULL DEFAULT 0,
                enabled INTEGER NOT NULL DEFAULT 1, disabled_reason TEXT, lease_owner TEXT, lease_until INTEGER);
            CREATE TABLE IF NOT EXISTS deliveries (
                id INTEGER PRIMARY KEY AUTOINCREMENT, webhook TEXT NOT NULL, sequence INTEGER NOT NULL, attempt INTEGER NOT NULL,
                at INTEGER NOT NULL, status INTEGER, error TEXT, duration_ms INTEGER NOT NULL, delivered INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS deliveries_by_webhook ON deliveries (webhook, id);
            """, ct);
        // This process owns the data directory: a lease still held is a stopped process's, and must not hold delivery back.
        await WriteAsync("UPDATE webhooks SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL", ct);
    }

    public Task<IReadOnlyList<Webhook>> ListAsync(CancellationToken ct) => ReadAsync($"SELECT {Columns} FROM webhooks ORDER BY created_at, id", ct);

    public async Task<Webhook?> FindAsync(string id, CancellationToken ct) =>
        (await ReadAsync($"SELECT {Columns} FROM webhooks WHERE id = $id", ct, ("$id", id))).SingleOrDefault();

    public Task CreateAsync(Webhook webhook, CancellationToken ct) =>
        WriteAsync($"INSERT INTO webhooks ({Columns}) VALUES ($id, $url, $secret, $filter, $description, $created, $cursor, 0, 1, NULL)", ct,
            ("$id", webhook.Id), ("$url", webhook.Url.ToString()), ("$secret", webhook.Secret), ("$filter", WebhookRows.FilterJson(webhook.Filter)),
            ("$description", webhook.Description), ("$created", webhook.CreatedAt.ToUnixTimeMilliseconds()), ("$cursor", webhook.State.Cursor));

    public async Task<bool> DeleteAsync(string id, CancellationToken ct) =>
        await WriteAsync("DELETE FROM deliveries WHERE webhook = $id; DELETE FROM webhooks WHERE id = $id", ct, ("$id", id)) > 0;

    public async Task<Webhook?> LeaseAsync(string id, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken ct)
    {
        var taken = await WriteAsync("""
            UPDATE webhooks SET lease_owner = $owner, lease_until = $until
            WHERE id = $id AND (lease_owner IS NULL OR lease_owner = $owner OR lease_until < $now)
            """, ct, ("$id", id), ("$owner", owner), ("$now", now.ToUnixTimeMilliseconds()), ("$until", until.ToUnixTimeMilliseconds()));
        return taken == 0 ? null : await FindAsync(id, ct);
    }

    public async Task<bool> SaveStateAsync(string id, string owner, WebhookState state, CancellationToken ct) =>
        await WriteAsync("""
            UPDATE webhooks SET cursor = $cursor, failures = $failures, enabled = $enabled, disabled_reason = $reason
            WHERE id = $id AND lease_owner = $owner
            """, ct, ("$id", id), ("$owner", owner), ("$cursor", state.Cursor), ("$failures", state.ConsecutiveFailures),
            ("$enabled", state.Enabled ? 1 : 0), ("$reason", state.DisabledReason)) > 0;

    public async Task<bool> EnableAsync(string id, CancellationToken ct) =>
        await WriteAsync("UPDATE webhooks SET enabled = 1, failures = 0, disabled_reason = NULL WHERE id = $id", ct, ("$id", id)) > 0;

    public Task AppendDeliveryAsync(WebhookDelivery delivery, int kept, CancellationToken ct) =>
        WriteAsync("""
            INSERT INTO deliveries (webhook, sequence, attempt, at, status, error, duration_ms, delivered)
            VALUES ($webhook, $sequence, $attempt, $at, $status, $error, $duration, $delivered);
            DELETE FROM deliveries WHERE webhook = $webhook
                AND id <= (SELECT id FROM deliveries WHERE webhook = $webhook ORDER BY id DESC LIMIT 1 OFFSET $kept);
            """, ct, ("$webhook", delivery.Webhook), ("$sequence", delivery.Sequence), ("$attempt", delivery.Attempt),
            ("$at", delivery.At.ToUnixTimeMilliseconds()), ("$status", delivery.Status), ("$error", delivery.Error),
            ("$duration", delivery.DurationMs), ("$delivered", delivery.Delivered ? 1 : 0), ("$kept", kept));

    public Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(string id, int limit, CancellationToken ct) =>
        _file.ReadAsync("""
            SELECT webhook, sequence, attempt, at, status, error, duration_ms, delivered FROM deliveries
            WHERE webhook = $id ORDER BY id DESC LIMIT $limit
            """, reader => new WebhookDelivery(reader.GetString(0), reader.GetInt64(1), reader.GetInt32(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), reader.IsDBNull(4) ? null : reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetInt64(6), reader.GetInt64(7) != 0), ct, ("$id", id), ("$limit", limit));

    /// <summary>A row of <see cref="Columns"/>.</summary>
    private static Webhook Read(SqliteDataReader reader) => new(
        reader.GetString(0), new Uri(reader.GetString(1)), reader.GetString(2), WebhookRows.Filter(reader.GetString(3)),
        reader.IsDBNull(4) ? null : reader.GetString(4), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
        new WebhookState(reader.GetInt64(6), reader.GetInt32(7), reader.GetInt64(8) != 0, reader.IsDBNull(9) ? null : reader.GetString(9)));

    private Task<IReadOnlyList<Webhook>> ReadAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        _file.ReadAsync(sql, Read, ct, parameters);

    private Task<int> WriteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        _file.WriteAsync(sql, ct, parameters);
}
