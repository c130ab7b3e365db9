using FastEndpoints;
using FluentValidation;
using Lineage.Api.Wire;

namespace Lineage.Api.Changes.Feed;

/// <summary><c>GET /api/v1/changes</c>'s query: the changes after a sequence number, a page at a time.</summary>
internal sealed record ChangeFeedRequest : IStrictQuery
{
    public const int MaxLimit = 1000;

    /// <summary>The sequence number of the last change already read (0 for the start of the feed).</summary>
    public long After { get; init; }

    /// <summary>How many changes at most (100 when absent).</summary>
    public int Limit { get; init; } = 100;
}

/// <summary>A cursor is 0 or more; a page is 1 to <see cref="ChangeFeedRequest.MaxLimit"/> changes.</summary>
internal sealed class ChangeFeedValidator : Validator<ChangeFeedRequest>
{
    public ChangeFeedValidator()
    {
        RuleFor(r => r.After).GreaterThanOrEqualTo(0).WithMessage(r => $"{r.After} is not a sequence number: 0 or more");
        RuleFor(r => r.Limit).InclusiveBetween(1, ChangeFeedRequest.MaxLimit)
            .WithMessage(r => $"{r.Limit} is out of range: a page holds 1 to {ChangeFeedRequest.MaxLimit} changes");
    }
}
