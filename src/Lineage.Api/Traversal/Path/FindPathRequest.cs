using FastEndpoints;
using FluentValidation;
using Lineage.Api.Wire;

namespace Lineage.Api.Traversal.Path;

/// <summary><c>GET /api/v1/lineage/path</c>'s query; the hops' range is the lineage service's to check.</summary>
internal sealed record FindPathRequest : IStrictQuery
{
    /// <summary>Where the path starts.</summary>
    public string From { get; init; } = "";

    /// <summary>Where it ends.</summary>
    public string To { get; init; } = "";

    /// <summary>The longest path to look for; <c>Lineage:Traversal:MaxHops</c> when absent.</summary>
    public int? MaxHops { get; init; }

    /// <summary><c>entity</c> (columns rolled up to their datasets) or <c>column</c>; absent, a path from a column walks by column.</summary>
    public string? Granularity { get; init; }

    /// <summary>Answer from the graph as it stood at this moment (ISO 8601 or epoch ms), rebuilt from the edge history; absent, now.</summary>
    public string? AsOf { get; init; }
}

/// <summary>Both ends are needed.</summary>
internal sealed class FindPathValidator : Validator<FindPathRequest>
{
    public FindPathValidator()
    {
        RuleFor(r => r.From).NotEmpty().WithMessage(StrictQuery.Missing);
        RuleFor(r => r.To).NotEmpty().WithMessage(StrictQuery.Missing);
        RuleFor(r => r.Granularity).MustBeGranularity();
    }
}
