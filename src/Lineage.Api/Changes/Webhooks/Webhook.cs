namespace Lineage.Api.Changes.Webhooks;

/// <summary>
/// A registered receiver of change events: where to POST them, the secret that signs each one, which changes it wants,
/// and how far its delivery has got.
/// </summary>
/// <param name="Secret">The key of each delivery's HMAC-SHA256 signature; kept to sign with, never shown again.</param>
internal sealed record Webhook(
    string Id, Uri Url, string Secret, WebhookFilter Filter, string? Description, DateTimeOffset CreatedAt, WebhookState State);

/// <summary>
/// Which changes a webhook receives: every change when all are empty; else a change must be to one of
/// <paramref name="EntityTypes"/> (when given), of one of <paramref name="Aspects"/> (when given), and to
/// <paramref name="DownstreamOf"/> or something downstream of it (when given).
/// </summary>
internal sealed record WebhookFilter(IReadOnlyList<string> EntityTypes, IReadOnlyList<string> Aspects, string? DownstreamOf);

/// <summary>
/// Where a webhook's delivery stands: every change up to <paramref name="Cursor"/> was delivered (or did not match);
/// the next one has failed <paramref name="ConsecutiveFailures"/> times in a row. A webhook that failed too often is
/// disabled, with the reason, until an admin enables it again.
/// </summary>
internal sealed record WebhookState(long Cursor, int ConsecutiveFailures, bool Enabled, string? DisabledReason);

/// <summary>One attempt to deliver one change to one webhook, as the delivery log keeps it.</summary>
/// <param name="Status">The receiver's HTTP status; null when no answer came (refused, timed out).</param>
internal sealed record WebhookDelivery(
    string Webhook, long Sequence, int Attempt, DateTimeOffset At, int? Status, string? Error, long DurationMs, bool Delivered);
