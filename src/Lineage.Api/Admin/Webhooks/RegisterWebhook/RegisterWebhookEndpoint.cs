using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Api.Changes.Webhooks;

namespace Lineage.Api.Admin.Webhooks.RegisterWebhook;

/// <summary><c>POST /api/v1/admin/webhooks</c> → 201 with the webhook (its secret never shown again).</summary>
internal sealed class RegisterWebhookEndpoint(WebhookRegistrations webhooks) : Endpoint<RegisterWebhookRequest, WebhookResponse>
{
    public override void Configure()
    {
        Post("/api/v1/admin/webhooks");
        Scopes(Scope.Admin);
    }

    public override async Task HandleAsync(RegisterWebhookRequest req, CancellationToken ct)
    {
        var filters = req.Filters ?? new RegisterWebhookRequest.FiltersBody();
        var filter = new WebhookFilter(filters.EntityTypes ?? [], filters.Aspects ?? [], string.IsNullOrEmpty(filters.DownstreamOf) ? null : filters.DownstreamOf);
        var webhook = await webhooks.RegisterAsync(new Uri(req.Url!), req.Secret!, filter, req.Description, req.After, ct);
        await Send.ResponseAsync(WebhookResponse.Of(webhook), 201, ct);
    }
}
