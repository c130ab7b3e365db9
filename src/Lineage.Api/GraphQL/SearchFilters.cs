using Lineage.Graph.Errors;
using Lineage.Search.Querying;

namespace Lineage.Api.GraphQL;

/// <summary>
/// DataHub's <c>filters</c> / <c>orFilters</c> read as the filters <see cref="SearchService"/> has: every criterion
/// keeps entities having any of its values, criteria combine with AND. Not supported, and refused with a message
/// rather than ignored: more than one <c>orFilters</c> group (a real OR of ANDs), <c>negated</c>, conditions other than
/// EQUAL and IN, and fields other than those below.
/// </summary>
internal sealed class SearchFilters
{
    /// <summary>DataHub's filter field names and the <see cref="SearchRequest"/> list each one fills.</summary>
    private static readonly string[] Fields =
        ["_entityType", "entityType", "platform", "origin", "tags", "glossaryTerms", "domains", "owners", "deprecated", "degree"];

    public List<string> Types { get; } = [];
    public List<string> Platforms { get; } = [];
    public List<string> Origins { get; } = [];
    public List<string> Tags { get; } = [];
    public List<string> Terms { get; } = [];
    public List<string> Domains { get; } = [];
    public List<string> Owners { get; } = [];
    public bool? Deprecated { get; private set; }

    /// <summary>searchAcrossLineage's degree filter: "1", "2", "3+".</summary>
    public List<string> Degrees { get; } = [];

    /// <summary>Whether anything other than entity type and degree narrows the hits (then the search index is asked).</summary>
    public bool NeedsIndex => Platforms.Count + Origins.Count + Tags.Count + Terms.Count + Domains.Count + Owners.Count > 0 || Deprecated is not null;

    public static SearchFilters Read(Input input, bool allowDegree)
    {
        var filters = new SearchFilters();
        var groups = input.Objects("orFilters");
        if (groups.Count > 1)
            throw new ValidationException($"{input.Path}.orFilters",
                "more than one group of orFilters is not supported; put every criterion in one group (they combine with AND)");
        foreach (var criterion in input.Objects("filters").Concat(groups.SelectMany(g => g.Objects("and"))))
            filters.Add(criterion, allowDegree);
        return filters;
    }

    private void Add(Input criterion, bool allowDegree)
    {
        var field = criterion.Text("field") ?? "";
        if (criterion.Bool("negated") == true)
            throw new ValidationException($"{criterion.Path}.negated", "negated filters are not supported");
        if (criterion.Text("condition") is { } condition && condition is not ("EQUAL" or "IN"))
            throw new ValidationException($"{criterion.Path}.condition", $"{condition} is not supported; use EQUAL or IN");
        var values = criterion.Texts("values").Concat(criterion.Text("value") is { } one ? [one] : []).ToList();
        switch (field)
        {
            case "_entityType" or "entityType":
                Types.AddRange(values.Select(v => EntityTypes.EntityTypeOf(v)
                    ?? throw new ValidationException($"{criterion.Path}.values", $"'{v}' is not an entity type")));
                break;
            case "platform": Platforms.AddRange(values); break;
            case "origin": Origins.AddRange(values); break;
            case "tags": Tags.AddRange(values); break;
            case "glossaryTerms": Terms.AddRange(values); break;
            case "domains": Domains.AddRange(values); break;
            case "owners": Owners.AddRange(values); break;
            case "deprecated" when values.Count == 1 && bool.TryParse(values[0], out var deprecated): Deprecated = deprecated; break;
            case "deprecated":
                throw new ValidationException($"{criterion.Path}.values", "deprecated takes one value, true or false");
            case "degree" when allowDegree: Degrees.AddRange(values); break;
            default:
                throw new ValidationException($"{criterion.Path}.field",
                    $"'{field}' is not a supported filter field; supported: {string.Join(", ", Fields.Where(f => allowDegree || f != "degree"))}");
        }
    }

    /// <summary>The search with these filters; <paramref name="types"/> (the input's) and an entity type filter must both hold.</summary>
    public SearchRequest Request(string? query, IReadOnlyList<string> types, bool includeRemoved, int start, int count) => new(
        query, Both(types, Types), Platforms, Origins, Tags, Terms, Domains, Owners, Deprecated, includeRemoved, start, count);

    /// <summary>The entity types both lists allow (either when the other is empty); "-" matches no entity when none is left.</summary>
    public static IReadOnlyList<string> Both(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Count == 0 ? b : b.Count == 0 ? a : a.Intersect(b).DefaultIfEmpty("-").ToList();
}
