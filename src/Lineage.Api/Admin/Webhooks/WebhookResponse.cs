using Lineage.Api.Changes.Webhooks;

namespace Lineage.Api.Admin.Webhooks;

/// <summary>A webhook as the admin endpoints show it: everything but its secret, with how far its delivery has got.</summary>
internal sealed record WebhookResponse(
    string Id, string Url, string? Description, WebhookFilter Filters, long CreatedAt, bool Enabled, long Cursor, int ConsecutiveFailures,
    string? DisabledReason)
{
    public static WebhookResponse Of(Webhook w) => new(w.Id, w.Url.ToString(), w.Description, w.Filter, w.CreatedAt.ToUnixTimeMilliseconds(),
        w.State.Enabled, w.State.Cursor, w.State.ConsecutiveFailures, w.State.DisabledReason);
}

/// <summary>The <c>{id}</c> of <c>/api/v1/admin/webhooks/{id}</c>.</summary>
internal sealed record WebhookIdRequest
{
    public string Id { get; init; } = "";
}
