using Lineage.Graph.Urns;

namespace Lineage.Api.OpenLineage.Mapping;

/// <summary>
/// A dataset urn from an OpenLineage dataset's namespace and name, as DataHub's OpenLineageToDataHub
/// (<c>getDatasetUrnFromOlDataset</c>) builds it with its default configuration: a namespace with a scheme
/// (<c>postgres://host:5432</c>, <c>kafka://broker:9092</c>, <c>s3://bucket</c>) gives the platform by its scheme and
/// keeps the name; a bare namespace (<c>bigquery</c>, <c>hive</c>) is the platform itself; environment PROD, no
/// platform instance, names kept as sent (so a database's host is not part of the urn, as in DataHub). File-system
/// datasets are named by their location, as DataHub's HdfsPathDataset names them: bucket and key, or path.
/// </summary>
internal static class DatasetNames
{
    // DataHub's PLATFORM_MAP, and the spellings OpenLineage's naming spec uses for the same stores.
    private static readonly Dictionary<string, string> Platforms = new(StringComparer.Ordinal)
    {
        ["awsathena"] = "athena", ["sqlserver"] = "mssql", ["s3a"] = "s3", ["s3n"] = "s3", ["gs"] = "gcs",
        ["postgresql"] = "postgres",
    };

    // DataHub's HdfsPlatform file-system prefixes (hdfs is not among them: its datasets keep their OpenLineage name).
    private static readonly HashSet<string> FileSystems = ["s3", "gcs", "abfs", "abfss", "wasb", "wasbs", "dbfs", "file"];

    public static Urn UrnOf(string ns, string name)
    {
        // Older Marquez producers put the whole location in the name (namespace "file.localhost", name
        // "file://localhost/x"); DataHub's newest mapping then reads the name as the location.
        var location = ns.Contains("://", StringComparison.Ordinal) ? Join(ns, name)
            : name.Contains("://", StringComparison.Ordinal) ? name
            : null;
        if (location is null) return UrnBuilders.Dataset(Platform(ns), name);

        var at = location.IndexOf("://", StringComparison.Ordinal);
        var platform = Platform(location[..at].ToLowerInvariant());
        if (!FileSystems.Contains(platform)) return UrnBuilders.Dataset(platform, name);
        // A file system names the dataset by its location: bucket and key, or the path (a file's as written).
        var path = location[(at + 3)..].TrimEnd('/');
        return UrnBuilders.Dataset(platform is "abfs" or "abfss" or "wasb" or "wasbs" ? "abs" : platform, platform == "file" ? path : path.TrimStart('/'));
    }

    private static string Join(string ns, string name) => ns.EndsWith('/') || name.StartsWith('/') ? ns + name : ns + "/" + name;

    private static string Platform(string name) => Platforms.GetValueOrDefault(name, name);
}
