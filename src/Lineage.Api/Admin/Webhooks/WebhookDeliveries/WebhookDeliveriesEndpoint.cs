using FastEndpoints;
using FluentValidation;
using Lineage.Api.Auth;
using Lineage.Api.Changes.Webhooks;

namespace Lineage.Api.Admin.Webhooks.WebhookDeliveries;

/// <summary>
/// <c>GET /api/v1/admin/webhooks/{id}/deliveries?limit=</c>: the webhook's delivery log, newest attempt first — which
/// change, which attempt, when, the receiver's status or why there was none, and how long it took.
/// </summary>
internal sealed class WebhookDeliveriesEndpoint(WebhookRegistrations webhooks) : Endpoint<WebhookDeliveriesRequest, WebhookDeliveriesResponse>
{
    public override void Configure()
    {
        Get("/api/v1/admin/webhooks/{id}/deliveries");
        Scopes(Scope.Admin);
    }

    public override async Task HandleAsync(WebhookDeliveriesRequest req, CancellationToken ct)
    {
        var deliveries = await webhooks.DeliveriesAsync(req.Id, req.Limit ?? 50, ct);
        await Send.OkAsync(new WebhookDeliveriesResponse([.. deliveries.Select(d => new DeliveryResponse(
            d.Sequence, d.Attempt, d.At.ToUnixTimeMilliseconds(), d.Status, d.Error, d.DurationMs, d.Delivered))]), ct);
    }
}

/// <summary>The webhook and how many attempts to show (1 to 500, 50 when absent).</summary>
internal sealed record WebhookDeliveriesRequest
{
    public string Id { get; init; } = "";

    [QueryParam]
    public int? Limit { get; init; }
}

/// <summary>The limit is 1 to 500.</summary>
internal sealed class WebhookDeliveriesValidator : Validator<WebhookDeliveriesRequest>
{
    public WebhookDeliveriesValidator() =>
        RuleFor(r => r.Limit).InclusiveBetween(1, 500).WithMessage(r => $"{r.Limit} is out of range: it must be from 1 to 500");
}

/// <summary>The attempts, newest first.</summary>
internal sealed record WebhookDeliveriesResponse(IReadOnlyList<DeliveryResponse> Deliveries);

/// <summary>One attempt: the change's sequence number, which attempt at it, when, the status (null: no answer), why it failed.</summary>
internal sealed record DeliveryResponse(long Sequence, int Attempt, long At, int? Status, string? Error, long DurationMs, bool Delivered);
