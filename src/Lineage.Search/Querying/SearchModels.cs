namespace Lineage.Search.Querying;

/// <summary>A search as the API asks it. Each filter list keeps entities having any of its values; lists combine with AND.</summary>
public sealed record SearchRequest(
    string? Query,
    IReadOnlyList<string> Types,
    IReadOnlyList<string> Platforms,
    IReadOnlyList<string> Origins,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Terms,
    IReadOnlyList<string> Domains,
    IReadOnlyList<string> Owners,
    bool? Deprecated,
    bool IncludeRemoved,
    int Start,
    int Count);

/// <summary>One page of search results, with facets counted over every hit.</summary>
public sealed record SearchResults(int Start, int Count, int Total, IReadOnlyList<SearchHit> Results, IReadOnlyList<Facet> Facets);

/// <summary>One entity found, with why it matched.</summary>
public sealed record SearchHit(string Urn, string EntityType, string Name, string? Description, string? Platform, float Score, IReadOnlyList<string> MatchedFields);

/// <summary>The values of one facet among all hits, most frequent first.</summary>
public sealed record Facet(string Field, IReadOnlyList<FacetValue> Values);

/// <summary>A facet value and how many hits have it.</summary>
public sealed record FacetValue(string Value, int Count);

/// <summary>An autocomplete suggestion; <see cref="Match"/> says how the text matched (exact, prefix, word).</summary>
public sealed record Suggestion(string Urn, string EntityType, string Name, string? Platform, string Match);
