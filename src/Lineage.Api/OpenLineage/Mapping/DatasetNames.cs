using Lineage.Graph.Urns;

namespace Lineage.Api.OpenLineage.Mapping;

/// <summary>
/// A dataset urn from an OpenLineage dataset's namespace and name, as DataHub's OpenLineageToDataHub
/// (<c>getDatasetUrnFromOlDataset</c>) builds it with its default configuration: a namespace with a scheme
/// (<c>postgres://host:5432</c>, <c>kafka://broker:9092</c>, <c>s3://bucket</c>) gives the platform by its scheme and
/// keeps the name; a bare namespace (<c>bigquery</c>, <c>hive</c>) is the platform itself; environment PROD, no
/// platform instance, names kept as sent. File-system datasets are named by their path, as DataHub's HdfsPathDataset
/// names them: the bucket and key for object stores, the path for the others.
/// </summary>
internal static class DatasetNames
{
    // DataHub's PLATFORM_MAP, and the spellings OpenLineage's naming spec uses for the same stores.
    private static readonly Dictionary<string, string> Platforms = new(StringComparer.Ordinal)
    {
        ["awsathena"] = "athena", ["sqlserver"] = "mssql", ["s3a"] = "s3", ["s3n"] = "s3", ["gs"] = "gcs",
        ["postgresql"] = "postgres",
    };

    private static readonly HashSet<string> ObjectStores = ["s3", "gcs", "abfs", "abfss", "wasb", "wasbs"];
    private static readonly HashSet<string> FileSystems = ["hdfs", "file", "dbfs", .. ObjectStores];

    public static Urn UrnOf(string ns, string name)
    {
        var at = ns.IndexOf("://", StringComparison.Ordinal);
        if (at <= 0) return UrnBuilders.Dataset(Platform(ns), name);
        var platform = Platform(ns[..at].ToLowerInvariant());
        if (!FileSystems.Contains(platform)) return UrnBuilders.Dataset(platform, name);

        var location = ns[(at + 3)..];
        var authority = location.Split('/')[0];
        var path = (location[authority.Length..].TrimEnd('/') + "/" + name.TrimStart('/')).TrimEnd('/');
        return UrnBuilders.Dataset(platform, ObjectStores.Contains(platform) ? authority + path : path);
    }

    private static string Platform(string name) => Platforms.GetValueOrDefault(name, name);
}
