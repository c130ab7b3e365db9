using Lineage.Graph.Storage;
using Lineage.Search.Index;
using Lineage.Search.Indexing;
using Lineage.Search.Querying;
using Microsoft.Extensions.DependencyInjection;

namespace Lineage.Search;

/// <summary>Registers the search index under the data directory, the feeder that keeps it current, and the query services.</summary>
public static class SearchServiceCollectionExtensions
{
    public static IServiceCollection AddLineageSearch(this IServiceCollection services)
    {
        services.AddSingleton(sp => new SearchIndex(SearchIndex.PathIn(sp.GetRequiredService<DataDirectory>().Path)));
        services.AddSingleton<IndexFeeder>();
        services.AddHostedService(sp => sp.GetRequiredService<IndexFeeder>());
        services.AddSingleton<SearchService>();
        services.AddSingleton<AutocompleteService>();
        return services;
    }
}
