using static Lineage.Graph.Registry.Catalog.CommonRecords;
using static Lineage.Graph.Registry.Schema;

namespace Lineage.Graph.Registry.Catalog;

/// <summary>
/// The timeseries aspects of datasets (com.linkedin.dataset.DatasetProfile, DatasetUsageStatistics): every value is
/// kept by its timestampMillis instead of being versioned.
/// </summary>
internal static class DatasetTimeseriesAspects
{
    private const string Ns = "com.linkedin.dataset.";

    private static readonly RecordType DatasetFieldProfile = Record("DatasetFieldProfile",
        Required("fieldPath", Text),
        Optional("uniqueCount", Long),
        Optional("uniqueProportion", Float),
        Optional("nullCount", Long),
        Optional("nullProportion", Float),
        Optional("min", Text),
        Optional("max", Text),
        Optional("mean", Text),
        Optional("median", Text),
        Optional("stdev", Text),
        Optional("quantiles", ListOf(Record("Quantile",
            Required("quantile", Text),
            Required("value", Text)))),
        Optional("distinctValueFrequencies", ListOf(Record("ValueFrequency",
            Required("value", Text),
            Required("frequency", Long)))),
        Optional("histogram", Record("Histogram",
            Required("boundaries", ListOf(Text)),
            Required("heights", ListOf(Float)))),
        Optional("sampleValues", ListOf(Text)));

    /// <summary>sizeInBytes is from the newer PDL (@ef043f7); the older one (@1401ccc) lacks it, so it stays optional.</summary>
    public static readonly AspectSpec DatasetProfile = Aspect("datasetProfile", Ns + "DatasetProfile",
        Record("DatasetProfile", [TimeseriesAspectBase],
            Optional("rowCount", Long),
            Optional("columnCount", Long),
            Optional("fieldProfiles", ListOf(DatasetFieldProfile)),
            Optional("sizeInBytes", Long))) with { IsTimeseries = true };

    /// <summary>userCounts[].user is a plain Urn in the PDL (no relationship).</summary>
    public static readonly AspectSpec DatasetUsageStatistics = Aspect("datasetUsageStatistics", Ns + "DatasetUsageStatistics",
        Record("DatasetUsageStatistics", [TimeseriesAspectBase],
            Optional("uniqueUserCount", Int),
            Optional("totalSqlQueries", Int),
            Optional("topSqlQueries", ListOf(Text)),
            Optional("userCounts", ListOf(Record("DatasetUserUsageCounts",
                Required("user", UrnOf()),
                Required("count", Int),
                Optional("userEmail", Text)))),
            Optional("fieldCounts", ListOf(Record("DatasetFieldUsageCounts",
                Required("fieldPath", Text),
                Required("count", Int)))))) with { IsTimeseries = true };

    public static IEnumerable<AspectSpec> All => [DatasetProfile, DatasetUsageStatistics];
}
