using FastEndpoints;
using FluentValidation;
using Lineage.Api.Wire;

namespace Lineage.Api.Entities.History;

/// <summary><c>GET /api/v1/history</c>'s query.</summary>
internal sealed record GetHistoryRequest : IStrictQuery
{
    /// <summary>The entity.</summary>
    public string Urn { get; init; } = "";

    /// <summary>Only this aspect's versions; all aspects when absent.</summary>
    public string? Aspect { get; init; }
}

/// <summary>The entity must be named.</summary>
internal sealed class GetHistoryValidator : Validator<GetHistoryRequest>
{
    public GetHistoryValidator() => RuleFor(r => r.Urn).NotEmpty().WithMessage(StrictQuery.Missing);
}
