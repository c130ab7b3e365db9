using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Api.Changes.Webhooks;

namespace Lineage.Api.Admin.Webhooks.EnableWebhook;

/// <summary>
/// <c>POST /api/v1/admin/webhooks/{id}/enable</c>: a webhook disabled after too many failures delivers again, from the
/// change it stopped at; 404 when there is none.
/// </summary>
internal sealed class EnableWebhookEndpoint(WebhookRegistrations webhooks) : Endpoint<WebhookIdRequest, WebhookResponse>
{
    public override void Configure()
    {
        Post("/api/v1/admin/webhooks/{id}/enable");
        Scopes(Scope.Admin);
    }

    public override async Task HandleAsync(WebhookIdRequest req, CancellationToken ct) =>
        await Send.OkAsync(WebhookResponse.Of(await webhooks.EnableAsync(req.Id, ct)), ct);
}
