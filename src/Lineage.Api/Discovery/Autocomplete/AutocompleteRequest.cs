using FastEndpoints;
using FluentValidation;
using Lineage.Api.Wire;

namespace Lineage.Api.Discovery.Autocomplete;

/// <summary><c>GET /api/v1/autocomplete</c>'s query.</summary>
internal sealed record AutocompleteRequest : IStrictQuery
{
    public const int MaxLimit = 100;

    /// <summary>What the person has typed so far.</summary>
    public string? Q { get; init; }

    /// <summary>Only these entity types.</summary>
    public string[]? Types { get; init; }

    /// <summary>How many suggestions.</summary>
    public int Limit { get; init; } = 10;
}

/// <summary>The number of suggestions is bounded.</summary>
internal sealed class AutocompleteValidator : Validator<AutocompleteRequest>
{
    public AutocompleteValidator() =>
        RuleFor(r => r.Limit).InclusiveBetween(1, AutocompleteRequest.MaxLimit).WithMessage(r => StrictQuery.OutOfRange(r.Limit, 1, AutocompleteRequest.MaxLimit));
}
