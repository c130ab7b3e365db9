using Lineage.Graph.Storage;
using Lineage.Graph.Traversal;
using Lineage.Search.Querying;

namespace Lineage.Api.GraphQL;

/// <summary>
/// What the resolvers of one request share (graphql-dotnet's user context): the services the REST endpoints use,
/// the limits, and the request's <see cref="EntityLoader"/>.
/// </summary>
internal sealed class ResolverContext(
    IGraphStore store,
    SearchService search,
    AutocompleteService autocomplete,
    LineageService lineage,
    GraphQLOptions options,
    TraversalOptions traversal) : Dictionary<string, object?>
{
    public IGraphStore Store { get; } = store;
    public SearchService Search { get; } = search;
    public AutocompleteService Autocomplete { get; } = autocomplete;
    public LineageService Lineage { get; } = lineage;
    public GraphQLOptions Options { get; } = options;
    public TraversalOptions Traversal { get; } = traversal;
    public EntityLoader Loader { get; } = new(store);
}
