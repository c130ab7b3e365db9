using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Api.Changes.Webhooks;

namespace Lineage.Api.Admin.Webhooks.ListWebhooks;

/// <summary><c>GET /api/v1/admin/webhooks</c>: every webhook, oldest first, without secrets.</summary>
internal sealed class ListWebhooksEndpoint(WebhookRegistrations webhooks) : EndpointWithoutRequest<ListWebhooksResponse>
{
    public override void Configure()
    {
        Get("/api/v1/admin/webhooks");
        Scopes(Scope.Admin);
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(new ListWebhooksResponse([.. (await webhooks.ListAsync(ct)).Select(WebhookResponse.Of)]), ct);
}

/// <summary>The webhooks.</summary>
internal sealed record ListWebhooksResponse(IReadOnlyList<WebhookResponse> Webhooks);
