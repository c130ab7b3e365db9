namespace Lineage.Graph.Tests.Registry.Examples;

// The timeseries aspects of datasets (DatasetTimeseriesAspects.cs), as a profiler and a usage job would send them for
// one day of fct_users_deleted (columns from DataHub's bootstrap_mce.json).
internal static partial class MaximalExamples
{
    private static MaximalExample[] DatasetTimeseriesExamples =>
    [
        // A numeric and a categorical column between them set every DatasetFieldProfile field, as a profiler does.
        new("datasetProfile", "dataset", """
            {"timestampMillis": 1718000000000, "eventGranularity": {"unit": "DAY", "multiple": 1},
             "partitionSpec": {"type": "PARTITION", "partition": "ds=2024-06-10",
                               "timePartition": {"startTimeMillis": 1717977600000, "length": {"unit": "DAY", "multiple": 1}}},
             "messageId": "profile-fct_users_deleted-2024-06-10",
             "rowCount": 1250, "columnCount": 6, "sizeInBytes": 524288,
             "fieldProfiles": [
               {"fieldPath": "timestamp", "uniqueCount": 1180, "uniqueProportion": 0.944, "nullCount": 0, "nullProportion": 0.0,
                "min": "1717977600000", "max": "1718063999000", "mean": "1718021370512.5", "median": "1718020800000",
                "stdev": "24911.8",
                "quantiles": [{"quantile": "0.05", "value": "1717981920000"}, {"quantile": "0.95", "value": "1718059680000"}],
                "histogram": {"boundaries": ["1717977600000", "1718020800000", "1718063999000"], "heights": [0.45, 0.55]}},
               {"fieldPath": "deletion_reason", "uniqueCount": 3, "uniqueProportion": 0.0024, "nullCount": 25,
                "nullProportion": 0.02,
                "distinctValueFrequencies": [{"value": "too many emails", "frequency": 700}, {"value": "privacy", "frequency": 525}],
                "sampleValues": ["too many emails", "privacy", "switched service"]}]}
            """),
        // user is a plain Urn: usage jobs also send users Lineage has never seen, with their email to resolve them.
        new("datasetUsageStatistics", "dataset", """
            {"timestampMillis": 1717977600000, "eventGranularity": {"unit": "DAY", "multiple": 1},
             "partitionSpec": {"type": "FULL_TABLE", "partition": "FULL_TABLE_SNAPSHOT",
                               "timePartition": {"startTimeMillis": 1717977600000, "length": {"unit": "DAY", "multiple": 1}}},
             "messageId": "usage-fct_users_deleted-2024-06-10",
             "uniqueUserCount": 2, "totalSqlQueries": 14,
             "topSqlQueries": ["SELECT deletion_reason, COUNT(*) FROM fct_users_deleted GROUP BY deletion_reason"],
             "userCounts": [{"user": "urn:li:corpuser:jdoe", "count": 9, "userEmail": "jdoe@linkedin.com"},
                            {"user": "urn:li:corpuser:datahub", "count": 5}],
             "fieldCounts": [{"fieldPath": "deletion_reason", "count": 14}, {"fieldPath": "user_id", "count": 3}]}
            """),
    ];
}
