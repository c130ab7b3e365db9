using GraphQL;
using GraphQL.Resolvers;
using Lineage.Graph.Errors;
using Lineage.Search.Querying;
using static Lineage.Api.GraphQL.Resolve;

namespace Lineage.Api.GraphQL;

internal static partial class LineageSchema
{
    /// <summary>Facet names of <see cref="SearchService"/> and DataHub's names for them.</summary>
    private static readonly Dictionary<string, string> FacetNames = new(StringComparer.Ordinal)
    {
        ["entityType"] = "_entityType", ["platform"] = "platform", ["origin"] = "origin", ["tags"] = "tags",
        ["glossaryTerms"] = "glossaryTerms", ["domain"] = "domains", ["owners"] = "owners",
    };

    /// <summary>
    /// searchAcrossEntities, autoComplete and autoCompleteForMultiple on the REST endpoints' services. Accepted but not
    /// applied: viewUrn and searchFlags other than includeSoftDeleted. Not in the schema: sortInput (results are by
    /// relevance). Refused with a message: autocomplete's <c>field</c> and filters, and the filters SearchFilters refuses.
    /// </summary>
    private static void AddSearch(Dictionary<string, IFieldResolver> resolvers)
    {
        resolvers["Query.searchAcrossEntities"] = With(context =>
        {
            var input = new Input(context.GetArgument<Dictionary<string, object?>>("input"), "input");
            var services = Context(context);
            var filters = SearchFilters.Read(input, allowDegree: false);
            var results = services.Search.Search(filters.Request(
                input.Text("query"),
                EntityTypesOf(input.Texts("types"), input),
                input.Object("searchFlags").Bool("includeSoftDeleted") ?? false,
                input.Int("start", 0, 0, 10_000),
                input.Int("count", 10, 0, services.Options.MaxCount)));
            var hits = results.Results.Select(hit => (Hit: hit, Node: EntityNode.From(hit.Urn))).Where(h => h.Node is not null).ToList();
            return new
            {
                start = results.Start,
                count = hits.Count,
                total = results.Total,
                searchResults = hits.Select(h => new
                {
                    entity = h.Node,
                    insights = new List<object>(),
                    matchedFields = h.Hit.MatchedFields.Select(field => new { name = field, value = MatchedValue(h.Hit, field) }).ToList(),
                    extraProperties = (object?)null,
                }).ToList(),
                facets = results.Facets.Where(f => FacetNames.ContainsKey(f.Field)).Select(Facet).ToList(),
                suggestions = new List<object>(),
            };
        });

        resolvers["Query.autoComplete"] = With(context =>
        {
            var input = new Input(context.GetArgument<Dictionary<string, object?>>("input"), "input");
            RefuseAutocompleteFilters(input);
            var type = input.Text("type") is { } one ? EntityTypesOf([one], input) : [];
            var query = input.Text("query") ?? "";
            var suggestions = Suggest(context, query, type, input.Int("limit", 10, 1, 100));
            return new { query, suggestions = suggestions.Select(s => s.Name).ToList(), entities = Nodes(suggestions.Select(s => s.Urn)) };
        });

        resolvers["Query.autoCompleteForMultiple"] = With(context =>
        {
            var input = new Input(context.GetArgument<Dictionary<string, object?>>("input"), "input");
            RefuseAutocompleteFilters(input);
            var query = input.Text("query") ?? "";
            var limit = input.Int("limit", 10, 1, 100);
            var types = EntityTypesOf(input.Texts("types"), input);
            // Each type gets up to `limit` suggestions, as in DataHub; without types, one list grouped by type.
            var suggestions = types.Count > 0
                ? types.SelectMany(type => Suggest(context, query, [type], limit)).ToList()
                : Suggest(context, query, [], limit);
            return new
            {
                query,
                suggestions = suggestions.GroupBy(s => s.EntityType, StringComparer.Ordinal)
                    .Where(g => EntityTypes.Of(g.Key) is not null)
                    .Select(g => new
                    {
                        type = EntityTypes.Of(g.Key)!.Enum,
                        suggestions = g.Select(s => s.Name).ToList(),
                        entities = Nodes(g.Select(s => s.Urn)),
                    }).ToList(),
            };
        });
    }

    /// <summary>
    /// A matched field's value as the hit shows it: the name, or the displayed description (an ingested one that
    /// matched sits behind it). Hits carry no other field's values, so those read empty rather than borrow one.
    /// </summary>
    private static string MatchedValue(SearchHit hit, string field) => field switch
    {
        "name" => hit.Name,
        "description" => hit.Description ?? "",
        _ => "",
    };

    private static IReadOnlyList<Suggestion> Suggest(IResolveFieldContext context, string query, IReadOnlyList<string> types, int limit) =>
        Context(context).Autocomplete.Suggest(query, types, limit);

    private static void RefuseAutocompleteFilters(Input input)
    {
        foreach (var name in new[] { "field", "filters", "orFilters" })
            if (input.Has(name))
                throw new ValidationException($"{input.Path}.{name}", "is not supported by autocomplete; use searchAcrossEntities to filter");
    }

    /// <summary>Lineage's entity types for EntityType values.</summary>
    private static List<string> EntityTypesOf(IEnumerable<string> values, Input input) => values
        .Select(v => EntityTypes.EntityTypeOf(v) ?? throw new ValidationException($"{input.Path}.types", $"'{v}' is not an entity type"))
        .ToList();

    private static object Facet(Facet facet) => new
    {
        field = FacetNames[facet.Field],
        displayName = (string?)null,
        entity = (object?)null,
        aggregations = facet.Values.Select(v => new
        {
            // Entity type values read as the EntityType enum spells them (the values the filter takes back).
            value = facet.Field == "entityType" ? EntityTypes.Of(v.Value)?.Enum ?? v.Value : v.Value,
            count = (long)v.Count,
            entity = facet.Field == "entityType" ? null : EntityNode.From(v.Value),
            displayName = (string?)null,
        }).ToList(),
    };
}
