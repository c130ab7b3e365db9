using FastEndpoints;
using FluentValidation;
using Lineage.Api.Wire;

namespace Lineage.Api.Discovery.Search;

/// <summary><c>GET /api/v1/search</c>'s query: the words, the filters (each a list, any of its values), and the page.</summary>
internal sealed record SearchEntitiesRequest : IStrictQuery
{
    public const int MaxStart = 10_000;
    public const int MaxCount = 1_000;

    /// <summary>The words every hit must match; empty lists everything.</summary>
    public string? Q { get; init; }

    /// <summary>Entity types (<c>mlModel,dataset</c>).</summary>
    public string[]? Types { get; init; }

    /// <summary>Platform names or urns.</summary>
    public string[]? Platform { get; init; }

    /// <summary>FabricTypes (<c>PROD</c>).</summary>
    public string[]? Origin { get; init; }

    /// <summary>Tag names or urns.</summary>
    public string[]? Tag { get; init; }

    /// <summary>Glossary term names or urns.</summary>
    public string[]? Term { get; init; }

    /// <summary>Domain urns.</summary>
    public string[]? Domain { get; init; }

    /// <summary>Owner urns.</summary>
    public string[]? Owner { get; init; }

    /// <summary>Only deprecated (true) or only current (false) entities.</summary>
    public bool? Deprecated { get; init; }

    /// <summary>Also soft-deleted entities.</summary>
    public bool IncludeRemoved { get; init; }

    /// <summary>The first hit of the page.</summary>
    public int Start { get; init; }

    /// <summary>Hits on the page.</summary>
    public int Count { get; init; } = 10;
}

/// <summary>The page's bounds.</summary>
internal sealed class SearchEntitiesValidator : Validator<SearchEntitiesRequest>
{
    public SearchEntitiesValidator()
    {
        RuleFor(r => r.Start).InclusiveBetween(0, SearchEntitiesRequest.MaxStart).WithMessage(r => StrictQuery.OutOfRange(r.Start, 0, SearchEntitiesRequest.MaxStart));
        RuleFor(r => r.Count).InclusiveBetween(0, SearchEntitiesRequest.MaxCount).WithMessage(r => StrictQuery.OutOfRange(r.Count, 0, SearchEntitiesRequest.MaxCount));
    }
}
