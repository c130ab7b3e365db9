using System.Text.RegularExpressions;

namespace Lineage.Graph.Tests.Registry.Examples;

/// <summary>One aspect value that sets every field its PDL declares, and the entity type it is written to.</summary>
/// <param name="Aspect">The aspect name.</param>
/// <param name="EntityType">An entity type that accepts the aspect, or null when none in the catalog does.</param>
/// <param name="Json">The value as a DataHub client sends it (Pegasus JSON: wrapped unions, defaulted fields present).</param>
internal sealed record MaximalExample(string Aspect, string? EntityType, string Json);

/// <summary>
/// A maximal, realistic value for every aspect of the registry, written in DataHub's Pegasus JSON encoding: optional
/// fields left out only where PDL has none, defaulted fields (<c>ownerTypes</c>, <c>lastModified</c>, <c>tags</c> …)
/// present, unions wrapped by member key (<c>{"double": 0.1}</c>, <c>{"com.linkedin.schema.KafkaSchema": {…}}</c>).
/// Each was checked against the aspect's .pdl in datahub-project/datahub (docs/registry-audit.md).
/// </summary>
/// <remarks>
/// Shared parts are written <c>&lt;&lt;Name&gt;&gt;</c> and filled in from <see cref="Parts"/>: JSON is full of the
/// brace runs that C# interpolation would trip over.
/// </remarks>
internal static partial class MaximalExamples
{
    // Names of their own, not DataHub's sample data's: the store round trip writes edges to these on the shared Neo4j
    // test server, where the sample-data tests read the lineage of DataHub's own names.
    private const string Dataset = "urn:li:dataset:(urn:li:dataPlatform:hive,example_users_deleted,PROD)";
    private const string OtherDataset = "urn:li:dataset:(urn:li:dataPlatform:snowflake,example_analytics.users,PROD)";

    private static readonly Dictionary<string, string> Parts = new()
    {
        // PDL's AuditStamp with its optional impersonator and message.
        ["Stamp"] = """{"time": 1718000000000, "actor": "urn:li:corpuser:datahub", "impersonator": "urn:li:corpuser:__datahub_system", "message": "set by ingestion"}""",
        // PDL's TimeStamp (time and optional actor).
        ["When"] = """{"time": 1718000000000, "actor": "urn:li:corpuser:data_science_team"}""",
        // PDL's MetadataAttribution. The source is a dataHubAction, an entity type Lineage has no key spec for, as
        // DataHub's propagation actions write it.
        ["Attribution"] = """{"time": 1718000000000, "actor": "urn:li:corpuser:datahub", "source": "urn:li:dataHubAction:tag-propagation", "sourceDetail": {"rule": "propagate-from-upstream"}}""",
        ["Version"] = """{"versionTag": "3", "metadataAttribution": <<Attribution>>}""",
        ["Dataset"] = Dataset,
        ["OtherDataset"] = OtherDataset,
        ["Job"] = "urn:li:dataJob:(urn:li:dataFlow:(airflow,train_recommendation_model,PROD),training_task)",
        ["UpstreamJob"] = "urn:li:dataJob:(urn:li:dataFlow:(airflow,train_recommendation_model,PROD),extract_task)",
        ["Run"] = "urn:li:dataProcessInstance:run-42",
        ["Chart"] = "urn:li:chart:(looker,example_chart)",
        ["Dashboard"] = "urn:li:dashboard:(looker,example_dashboard)",
        ["UserIdField"] = $"urn:li:schemaField:({Dataset},user_id)",
        ["UpstreamUserIdField"] = $"urn:li:schemaField:({OtherDataset},user_id)",
        // PDL's Edge, as the newer *Edges lists hold it.
        ["DatasetEdge"] = """{"sourceUrn": "<<Job>>", "destinationUrn": "<<Dataset>>", "created": <<Stamp>>, "lastModified": <<Stamp>>, "properties": {"via": "airflow"}}""",
        ["OtherDatasetEdge"] = """{"sourceUrn": "<<Job>>", "destinationUrn": "<<OtherDataset>>", "created": <<Stamp>>, "lastModified": <<Stamp>>, "properties": {"via": "airflow"}}""",
        ["JobEdge"] = """{"sourceUrn": "<<Job>>", "destinationUrn": "<<UpstreamJob>>", "created": <<Stamp>>, "lastModified": <<Stamp>>, "properties": {"via": "airflow"}}""",
        ["ChartInputEdge"] = """{"sourceUrn": "<<Chart>>", "destinationUrn": "<<Dataset>>", "created": <<Stamp>>, "lastModified": <<Stamp>>, "properties": {"via": "looker"}}""",
        ["DashboardChartEdge"] = """{"sourceUrn": "<<Dashboard>>", "destinationUrn": "<<Chart>>", "created": <<Stamp>>, "lastModified": <<Stamp>>, "properties": {"tile": "1"}}""",
        ["DashboardDatasetEdge"] = """{"sourceUrn": "<<Dashboard>>", "destinationUrn": "<<Dataset>>", "created": <<Stamp>>, "lastModified": <<Stamp>>, "properties": {"via": "looker"}}""",
        ["FineGrainedLineage"] = """
            {"upstreamType": "FIELD_SET", "upstreams": ["<<UpstreamUserIdField>>"],
             "downstreamType": "FIELD", "downstreams": ["<<UserIdField>>"],
             "transformOperation": "IDENTITY", "confidenceScore": 0.9, "query": "urn:li:query:4f2a9c"}
            """,
        ["Tags"] = """{"tags": [{"tag": "urn:li:tag:production-ready", "context": "set in the UI", "attribution": <<Attribution>>}]}""",
        ["Terms"] = """
            {"terms": [{"urn": "urn:li:glossaryTerm:Recommendation", "actor": "urn:li:corpuser:datahub",
                        "context": "suggested", "attribution": <<Attribution>>}],
             "auditStamp": <<Stamp>>}
            """,
    };

    // Declared after Parts: static fields initialise in textual order.
    /// <summary>Every example, by aspect name, its shared parts filled in.</summary>
    public static IReadOnlyDictionary<string, MaximalExample> All { get; } =
        new[]
        {
            MlExamples, ModelCardExamples, CommonExamples, DatasetExamples, DatasetTimeseriesExamples, JobExamples,
            PeopleExamples, DashboardExamples,
        }
            .SelectMany(group => group)
            .Select(e => e with { Json = Fill(e.Json) })
            .ToDictionary(e => e.Aspect, StringComparer.Ordinal);

    private static string Fill(string json)
    {
        while (json.Contains("<<", StringComparison.Ordinal))
            json = Regex.Replace(json, "<<(\\w+)>>", m => Parts[m.Groups[1].Value]);
        return json;
    }

    /// <summary>A fresh URN of the entity type, so that no two tests share an entity.</summary>
    public static string Mint(string entityType)
    {
        var id = Guid.NewGuid().ToString("N");
        return entityType switch
        {
            "mlFeature" => $"urn:li:mlFeature:(table-{id},feature)",
            "mlPrimaryKey" => $"urn:li:mlPrimaryKey:(table-{id},user_id)",
            "mlFeatureTable" => $"urn:li:mlFeatureTable:(urn:li:dataPlatform:feast,table-{id})",
            "mlModel" or "mlModelGroup" => $"urn:li:{entityType}:(urn:li:dataPlatform:mlflow,{entityType}-{id},PROD)",
            "mlModelDeployment" => $"urn:li:mlModelDeployment:(urn:li:dataPlatform:sagemaker,endpoint-{id},PROD)",
            "dataset" => $"urn:li:dataset:(urn:li:dataPlatform:hive,table-{id},PROD)",
            "dataFlow" => $"urn:li:dataFlow:(airflow,flow-{id},PROD)",
            "dataJob" => $"urn:li:dataJob:(urn:li:dataFlow:(airflow,flow-{id},PROD),task)",
            "dataPlatformInstance" => $"urn:li:dataPlatformInstance:(urn:li:dataPlatform:mlflow,instance-{id})",
            "chart" => $"urn:li:chart:(looker,chart-{id})",
            "dashboard" => $"urn:li:dashboard:(looker,dashboard-{id})",
            "versionSet" => $"urn:li:versionSet:(set-{id},mlModel)",
            "schemaField" => $"urn:li:schemaField:(urn:li:dataset:(urn:li:dataPlatform:hive,table-{id},PROD),user_id)",
            _ => $"urn:li:{entityType}:x{id}",
        };
    }
}
