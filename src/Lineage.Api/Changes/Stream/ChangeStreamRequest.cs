using FastEndpoints;
using FluentValidation;
using Lineage.Api.Wire;

namespace Lineage.Api.Changes.Stream;

/// <summary>
/// <c>GET /api/v1/changes/stream</c>'s query: where to start, as <c>after</c> or, for a client reconnecting, the
/// <c>Last-Event-ID</c> header (which wins); from the changes still to come when neither is given.
/// </summary>
internal sealed record ChangeStreamRequest : IStrictQuery
{
    /// <summary>The sequence number of the last change already seen.</summary>
    public long? After { get; init; }
}

/// <summary>A cursor is 0 or more.</summary>
internal sealed class ChangeStreamValidator : Validator<ChangeStreamRequest>
{
    public ChangeStreamValidator() =>
        RuleFor(r => r.After).GreaterThanOrEqualTo(0).WithMessage(r => $"{r.After} is not a sequence number: 0 or more");
}
