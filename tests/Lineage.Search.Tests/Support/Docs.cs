using Lineage.Search.Index;
using Lineage.Search.Querying;

namespace Lineage.Search.Tests.Support;

/// <summary>Index documents and search requests written the short way; tests change what they need with <c>with</c>.</summary>
public static class Docs
{
    public const string Mlflow = "urn:li:dataPlatform:mlflow";

    /// <summary>An mlModel on mlflow in PROD named <paramref name="name"/>, with nothing else.</summary>
    public static EntityDocument Model(string name, string? description = null) => new(
        $"urn:li:mlModel:({Mlflow},{name}-{Guid.NewGuid():N},PROD)", "mlModel", name, description,
        description is null ? [] : [description], Mlflow, "PROD", [], [], null, [], [], false, false, 0);

    /// <summary>A dataset on hive in DEV named <paramref name="name"/>.</summary>
    public static EntityDocument Dataset(string name, string? description = null) => Model(name, description) with
    {
        Urn = $"urn:li:dataset:(urn:li:dataPlatform:hive,{name}-{Guid.NewGuid():N},DEV)",
        EntityType = "dataset",
        Platform = "urn:li:dataPlatform:hive",
        Origin = "DEV",
    };

    /// <summary>A search for <paramref name="query"/> with no filters, the first page of ten.</summary>
    public static SearchRequest Query(string? query, int count = 10) =>
        new(query, [], [], [], [], [], [], [], null, false, 0, count);

    public static IReadOnlyList<string> Urns(this SearchResults results) => results.Results.Select(r => r.Urn).ToList();

    /// <summary>The (value, count) pairs of one facet.</summary>
    public static IReadOnlyList<(string Value, int Count)> Facet(this SearchResults results, string field) =>
        results.Facets.Single(f => f.Field == field).Values.Select(v => (v.Value, v.Count)).ToList();
}
