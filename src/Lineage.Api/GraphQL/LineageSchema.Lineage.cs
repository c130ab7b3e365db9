using GraphQL;
using GraphQL.Resolvers;
using Lineage.Graph.Errors;
using Lineage.Graph.Traversal;
using Lineage.Graph.Urns;
using static Lineage.Api.GraphQL.Resolve;

namespace Lineage.Api.GraphQL;

internal static partial class LineageSchema
{
    /// <summary>
    /// searchAcrossLineage on <see cref="LineageService"/>: everything upstream or downstream of the urn up to
    /// Lineage:Traversal:MaxHops hops, nearest first, each with its degree and the shortest path that reaches it (one
    /// path, chosen as the traversal chooses parents: the smallest urn one hop nearer). <c>query</c> and facet filters
    /// narrow the nodes through the search index; <c>degree</c> filters take "1", "2", "3+". The time range
    /// (<see cref="TimeOf"/>) walks the graph as it stood then. Accepted but not applied (Lineage keeps no views): the
    /// rest of lineageFlags, viewUrn, and searchFlags other than includeSoftDeleted.
    /// </summary>
    private static void AddLineageSearch(Dictionary<string, IFieldResolver> resolvers) =>
        resolvers["Query.searchAcrossLineage"] = WithAsync(async context =>
        {
            var input = new Input(context.GetArgument<Dictionary<string, object?>>("input"), "input");
            var services = Context(context);
            var root = Urn.Parse(input.Text("urn") ?? throw new ValidationException("input.urn", "required field is missing"), "input.urn").ToString();
            var direction = input.Text("direction") == "UPSTREAM" ? LineageDirection.Upstream : LineageDirection.Downstream;
            var types = EntityTypesOf(input.Texts("types"), input);
            var filters = SearchFilters.Read(input, allowDegree: true);
            var includeRemoved = input.Object("searchFlags").Bool("includeSoftDeleted") ?? false;
            var start = input.Int("start", 0, 0, 10_000);
            var count = input.Int("count", 10, 0, services.Options.MaxCount);

            // Every type walked, so the paths to the kept nodes are complete; types are applied afterwards.
            var graph = await services.Lineage.GetLineageAsync(new LineageRequest(
                root, direction, services.Traversal.MaxHops, [], [], includeRemoved, services.Traversal.MaxNodes, AsOf: TimeOf(input)),
                context.CancellationToken);
            var allowedTypes = SearchFilters.Both(types, filters.Types);
            var matching = MatchingUrns(services, input.Text("query"), filters, allowedTypes, includeRemoved);
            var kept = graph.Nodes
                .Where(n => allowedTypes.Count == 0 || allowedTypes.Contains(n.EntityType))
                .Where(n => filters.Degrees.Count == 0 || filters.Degrees.Contains(n.Degree >= 3 ? "3+" : n.Degree.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Where(n => matching is null || matching.Contains(n.Urn))
                .Where(n => EntityNode.From(n.Urn) is not null)
                .ToList();
            var parents = Parents(graph, direction);
            var page = kept.Skip(start).Take(count).ToList();
            return new
            {
                start,
                count = page.Count,
                total = kept.Count,
                searchResults = page.Select(n => new
                {
                    entity = EntityNode.From(n.Urn),
                    insights = new List<object>(),
                    matchedFields = new List<object>(),
                    paths = new List<object> { new { path = PathTo(n.Urn, root, parents).Select(EntityNode.From).ToList() } },
                    degree = n.Degree,
                    degrees = new List<int> { n.Degree },
                    explored = true,
                    truncatedChildren = false,
                    ignoredAsHop = false,
                }).ToList(),
                facets = new List<object>
                {
                    LineageFacet("_entityType", kept.GroupBy(n => EntityTypes.Of(n.EntityType)?.Enum ?? n.EntityType)),
                    LineageFacet("degree", kept.GroupBy(n => n.Degree >= 3 ? "3+" : n.Degree.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                },
                isPartial = graph.Truncated,
            };
        });

    /// <summary>
    /// The time of <c>lineageFlags.startTimeMillis</c> and <c>endTimeMillis</c> (or the deprecated fields of the same
    /// names on the input): the lineage edges current at some moment of it, each node as it stood at its end. An end
    /// alone is the graph as it stood then; a start alone runs to now; neither is the present graph (null). DataHub
    /// filters its latest edges by when they were last written; Lineage answers from the edge history instead, which
    /// holds the edges the window saw even when they were stated before it or replaced since.
    /// </summary>
    private static LineageTime? TimeOf(Input input)
    {
        var flags = input.Object("lineageFlags");
        var given = flags.Has("startTimeMillis") || flags.Has("endTimeMillis") ? flags : input;
        var (start, end) = (given.Millis("startTimeMillis"), given.Millis("endTimeMillis"));
        if (start is null && end is null) return null;
        var to = end ?? DateTimeOffset.UtcNow;
        var from = start ?? to;
        return from <= to ? new LineageTime(from, to)
            : throw new ValidationException($"{given.Path}.startTimeMillis", $"{start!.Value.ToUnixTimeMilliseconds()} is after endTimeMillis");
    }

    /// <summary>The urns the search index finds for the query and filters, or null when there is nothing to match.</summary>
    private static HashSet<string>? MatchingUrns(ResolverContext services, string? query, SearchFilters filters, IReadOnlyList<string> types, bool includeRemoved)
    {
        if ((string.IsNullOrWhiteSpace(query) || query.Trim() == "*") && !filters.NeedsIndex) return null;
        var results = services.Search.Search(filters.Request(query, types, includeRemoved, 0, services.Traversal.MaxNodes));
        return results.Results.Select(r => r.Urn).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// For each node, the node one hop nearer the root it is reached through: among its lineage neighbours one
    /// degree nearer, the smallest urn (the rule the stores' traversal uses).
    /// </summary>
    private static Dictionary<string, string> Parents(LineageGraph graph, LineageDirection direction)
    {
        var degree = graph.Nodes.Append(graph.Root).ToDictionary(n => n.Urn, n => n.Degree, StringComparer.Ordinal);
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var edge in graph.Edges)
        {
            // Walking downstream, a node's parent is its upstream end; walking upstream, its downstream end.
            var (near, far) = direction == LineageDirection.Downstream ? (edge.Upstream, edge.Downstream) : (edge.Downstream, edge.Upstream);
            if (!degree.TryGetValue(near, out var nearDegree) || !degree.TryGetValue(far, out var farDegree) || nearDegree != farDegree - 1) continue;
            if (!parents.TryGetValue(far, out var current) || string.CompareOrdinal(near, current) < 0) parents[far] = near;
        }
        return parents;
    }

    /// <summary>The urns from the root to the node, both ends included.</summary>
    private static List<string> PathTo(string urn, string root, Dictionary<string, string> parents)
    {
        var path = new List<string> { urn };
        for (var at = urn; at != root && parents.TryGetValue(at, out var parent); at = parent) path.Add(parent);
        path.Reverse();
        return path;
    }

    private static object LineageFacet(string field, IEnumerable<IGrouping<string, LineageNode>> groups) => new
    {
        field,
        displayName = (string?)null,
        entity = (object?)null,
        aggregations = groups.OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new { value = g.Key, count = (long)g.Count(), entity = (object?)null, displayName = (string?)null }).ToList(),
    };
}
