using FastEndpoints;
using FluentValidation;
using Lineage.Api.Wire;

namespace Lineage.Api.Impact;

/// <summary><c>GET /api/v1/impact</c>'s query; the hops' range is the lineage service's to check.</summary>
internal sealed record GetImpactRequest : IStrictQuery
{
    /// <summary>The entity whose change is in question.</summary>
    public string Urn { get; init; } = "";

    /// <summary>How far downstream to look; <c>Lineage:Traversal:MaxHops</c> when absent.</summary>
    public int? MaxHops { get; init; }

    /// <summary>Only affected entities of these types are listed (all are walked through).</summary>
    public string[]? EntityTypes { get; init; }

    /// <summary><c>entity</c> (columns rolled up to their datasets) or <c>column</c>; absent, a column root walks by column.</summary>
    public string? Granularity { get; init; }

    /// <summary>The position in the affected list (nearest first, then by urn) of the first entity to return.</summary>
    public int? Start { get; init; }

    /// <summary>How many affected entities to return; <c>Lineage:Traversal:DefaultImpactCount</c> when absent, 0 for the totals alone.</summary>
    public int? Count { get; init; }

    /// <summary>Answer from the graph as it stood at this moment (ISO 8601 or epoch ms), rebuilt from the edge history; absent, now.</summary>
    public string? AsOf { get; init; }
}

/// <summary>What the impact query must say.</summary>
internal sealed class GetImpactValidator : Validator<GetImpactRequest>
{
    public GetImpactValidator()
    {
        RuleFor(r => r.Urn).NotEmpty().WithMessage(StrictQuery.Missing);
        RuleFor(r => r.Granularity).MustBeGranularity();
    }
}
