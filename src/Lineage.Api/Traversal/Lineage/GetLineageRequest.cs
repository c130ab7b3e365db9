using FastEndpoints;
using FluentValidation;
using Lineage.Api.Wire;
using Lineage.Graph.Traversal;

namespace Lineage.Api.Traversal.Lineage;

/// <summary><c>GET /api/v1/lineage</c>'s query. Hops and limit default from <c>Lineage:Traversal</c>; their range is the lineage service's to check.</summary>
internal sealed record GetLineageRequest : IStrictQuery
{
    /// <summary>The entity to start from.</summary>
    public string Urn { get; init; } = "";

    /// <summary><c>upstream</c>, <c>downstream</c> or <c>both</c> (the default).</summary>
    public string? Direction { get; init; }

    /// <summary>How many hops to walk; <c>Lineage:Traversal:DefaultLineageHops</c> when absent.</summary>
    public int? MaxHops { get; init; }

    /// <summary>Only these relationship types (<c>DerivedFrom,Contains</c> or <c>List(…)</c>); all lineage ones when absent.</summary>
    public string[]? Relationships { get; init; }

    /// <summary>Only nodes of these entity types (the root is always shown).</summary>
    public string[]? EntityTypes { get; init; }

    /// <summary>Walk through and show soft-deleted entities.</summary>
    public bool IncludeRemoved { get; init; }

    /// <summary>The most nodes to return; <c>Lineage:Traversal:DefaultLineageLimit</c> when absent.</summary>
    public int? Limit { get; init; }

    /// <summary><c>entity</c> (columns rolled up to their datasets) or <c>column</c>; absent, a column root walks by column.</summary>
    public string? Granularity { get; init; }

    /// <summary>Answer from the graph as it stood at this moment (ISO 8601 or epoch ms), rebuilt from the edge history; absent, now.</summary>
    public string? AsOf { get; init; }

    /// <summary>The direction asked for; null for both.</summary>
    public LineageDirection? Walk => Direction?.ToLowerInvariant() switch
    {
        null or "" or "both" => null,
        "upstream" => LineageDirection.Upstream,
        "downstream" => LineageDirection.Downstream,
        _ => throw new InvalidOperationException("the validator lets only known directions through"),
    };
}

/// <summary>What the lineage query must say before the walk starts.</summary>
internal sealed class GetLineageValidator : Validator<GetLineageRequest>
{
    public GetLineageValidator()
    {
        RuleFor(r => r.Urn).NotEmpty().WithMessage(StrictQuery.Missing);
        RuleFor(r => r.Direction)
            .Must(d => d?.ToLowerInvariant() is null or "" or "both" or "upstream" or "downstream")
            .WithMessage(r => $"'{r.Direction}' is not upstream, downstream or both");
        RuleFor(r => r.Granularity).MustBeGranularity();
    }
}
