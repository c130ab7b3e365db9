using FastEndpoints;
using FluentValidation;

namespace Lineage.Api.Admin.Webhooks.RegisterWebhook;

/// <summary>
/// <c>POST /api/v1/admin/webhooks</c>'s body: <c>{"url", "secret", "description"?, "filters"?: {"entityTypes"?,
/// "aspects"?, "downstreamOf"?}, "after"?}</c>. Delivery starts with the changes still to come, or after the change
/// numbered <c>after</c>.
/// </summary>
internal sealed record RegisterWebhookRequest
{
    /// <summary>Where to POST each change: an http or https URL.</summary>
    public string? Url { get; init; }

    /// <summary>The key each delivery is signed with (HMAC-SHA256 in <c>X-Lineage-Signature-256</c>); 16 to 512 characters.</summary>
    public string? Secret { get; init; }

    public string? Description { get; init; }

    public FiltersBody? Filters { get; init; }

    /// <summary>The sequence number of the last change not to deliver; the latest change when absent.</summary>
    public long? After { get; init; }

    /// <summary>Which changes to deliver; all when absent.</summary>
    internal sealed record FiltersBody
    {
        public string[]? EntityTypes { get; init; }

        public string[]? Aspects { get; init; }

        /// <summary>Changes to this entity (with an impact alert) and to everything downstream of it.</summary>
        public string? DownstreamOf { get; init; }
    }
}

/// <summary>A reachable kind of URL, a secret worth the name, a cursor that can exist.</summary>
internal sealed class RegisterWebhookValidator : Validator<RegisterWebhookRequest>
{
    public RegisterWebhookValidator()
    {
        RuleFor(r => r.Url)
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            .WithMessage(r => $"'{r.Url}' is not an absolute http or https URL");
        RuleFor(r => r.Secret).Must(s => s?.Length is >= 16 and <= 512).WithMessage("must be 16 to 512 characters");
        RuleFor(r => r.Description).MaximumLength(500).WithMessage("must be at most 500 characters");
        RuleFor(r => r.After).GreaterThanOrEqualTo(0).WithMessage(r => $"{r.After} is not a sequence number: 0 or more");
    }
}
