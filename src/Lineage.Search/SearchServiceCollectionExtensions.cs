using Lineage.Graph.Storage;
using Lineage.Search.Index;
using Lineage.Search.Indexing;
using Lineage.Search.Querying;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lineage.Search;

/// <summary>Registers the search index under the data directory, the feeder that keeps it current, and the query services.</summary>
public static class SearchServiceCollectionExtensions
{
    public static IServiceCollection AddLineageSearch(this IServiceCollection services)
    {
        services.AddSingleton(sp => new SearchIndex(SearchIndex.PathIn(sp.GetRequiredService<IOptions<StoreOptions>>().Value.DataDirectory)));
        services.AddSingleton<IndexFeeder>();
        services.AddHostedService(sp => sp.GetRequiredService<IndexFeeder>());
        services.AddSingleton<SearchService>();
        services.AddSingleton<AutocompleteService>();
        return services;
    }
}
