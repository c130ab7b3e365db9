using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Api.Changes.Webhooks;

namespace Lineage.Api.Admin.Webhooks.DeleteWebhook;

/// <summary><c>DELETE /api/v1/admin/webhooks/{id}</c> → 204: delivery stops and the log goes; 404 when there is none.</summary>
internal sealed class DeleteWebhookEndpoint(WebhookRegistrations webhooks) : Endpoint<WebhookIdRequest>
{
    public override void Configure()
    {
        Delete("/api/v1/admin/webhooks/{id}");
        Scopes(Scope.Admin);
    }

    public override async Task HandleAsync(WebhookIdRequest req, CancellationToken ct)
    {
        await webhooks.DeleteAsync(req.Id, ct);
        await Send.NoContentAsync(ct);
    }
}
