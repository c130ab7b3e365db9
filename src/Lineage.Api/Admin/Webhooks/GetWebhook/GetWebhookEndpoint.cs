using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Api.Changes.Webhooks;

namespace Lineage.Api.Admin.Webhooks.GetWebhook;

/// <summary><c>GET /api/v1/admin/webhooks/{id}</c>: one webhook and how far its delivery has got; 404 when there is none.</summary>
internal sealed class GetWebhookEndpoint(WebhookRegistrations webhooks) : Endpoint<WebhookIdRequest, WebhookResponse>
{
    public override void Configure()
    {
        Get("/api/v1/admin/webhooks/{id}");
        Scopes(Scope.Admin);
    }

    public override async Task HandleAsync(WebhookIdRequest req, CancellationToken ct) =>
        await Send.OkAsync(WebhookResponse.Of(await webhooks.GetAsync(req.Id, ct)), ct);
}
