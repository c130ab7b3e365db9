using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Explorer;

/// <summary>
/// Column lineage for the explorer: orders_raw's columns feed orders' (orders states it, with transforms and
/// confidence), a feature is built from orders.country_code and a model owned by ada uses it, and a job reads
/// orders.country_code to write orders_by_country.country.
/// </summary>
public abstract partial class ExplorerHost
{
    public const string OrdersRaw = "urn:li:dataset:(urn:li:dataPlatform:hive,orders_raw,PROD)";
    public const string Orders = "urn:li:dataset:(urn:li:dataPlatform:hive,orders,PROD)";
    public const string OrdersByCountry = "urn:li:dataset:(urn:li:dataPlatform:hive,orders_by_country,PROD)";
    public const string CountryFeature = "urn:li:mlFeature:(orders_features,order_country)";
    public const string FraudModel = "urn:li:mlModel:(urn:li:dataPlatform:science,fraud-model,PROD)";
    public const string CountryReport = "urn:li:dataJob:(urn:li:dataFlow:(airflow,orders,PROD),country_report)";
    public const string Ada = "urn:li:corpuser:ada";

    public static string Column(string dataset, string fieldPath) => $"urn:li:schemaField:({dataset},{fieldPath})";

    private static IEnumerable<JsonObject> ColumnLineageProposals()
    {
        JsonObject Value(string json) => JsonNode.Parse(json)!.AsObject();
        return
        [
            DataHubWire.Proposal(OrdersRaw, "datasetProperties", Value("""{"name": "orders_raw", "description": "Orders as the shop writes them"}""")),
            DataHubWire.Proposal(OrdersRaw, "schemaMetadata", Schema(("order_id", "bigint"), ("customer_country", "varchar"), ("amount", "decimal(10,2)"))),
            DataHubWire.Proposal(Orders, "datasetProperties", Value("""{"name": "orders", "description": "Cleaned orders"}""")),
            DataHubWire.Proposal(Orders, "schemaMetadata", Schema(("order_id", "bigint"), ("country_code", "char(2)"), ("amount_usd", "decimal(10,2)"))),
            DataHubWire.Proposal(Orders, "upstreamLineage", new JsonObject
            {
                ["upstreams"] = new JsonArray(new JsonObject { ["dataset"] = OrdersRaw, ["type"] = "TRANSFORMED" }),
                ["fineGrainedLineages"] = new JsonArray(
                    FineGrained(Column(OrdersRaw, "customer_country"), Column(Orders, "country_code"), "UPPER", 0.9),
                    FineGrained(Column(OrdersRaw, "amount"), Column(Orders, "amount_usd"), "CONVERT_CURRENCY", 0.75),
                    FineGrained(Column(OrdersRaw, "order_id"), Column(Orders, "order_id"), "IDENTITY", null)),
            }),
            DataHubWire.Proposal(OrdersByCountry, "datasetProperties", Value("""{"name": "orders_by_country"}""")),
            DataHubWire.Proposal(OrdersByCountry, "schemaMetadata", Schema(("country", "char(2)"), ("order_count", "bigint"))),
            DataHubWire.Proposal(CountryReport, "dataJobInfo", Value("""{"name": "country_report", "type": {"string": "SQL"}}""")),
            DataHubWire.Proposal(CountryReport, "dataJobInputOutput", new JsonObject
            {
                ["inputDatasets"] = new JsonArray(Orders),
                ["outputDatasets"] = new JsonArray(OrdersByCountry),
                ["fineGrainedLineages"] = new JsonArray(FineGrained(Column(Orders, "country_code"), Column(OrdersByCountry, "country"), "GROUP_BY", null)),
            }),
            DataHubWire.Proposal(CountryFeature, "mlFeatureProperties", new JsonObject
            {
                ["description"] = "The country an order ships to",
                ["dataType"] = "NOMINAL",
                ["sources"] = new JsonArray(Column(Orders, "country_code")),
            }),
            DataHubWire.Proposal(FraudModel, "mlModelProperties", new JsonObject { ["name"] = "fraud-model", ["mlFeatures"] = new JsonArray(CountryFeature) }),
            DataHubWire.Proposal(FraudModel, "ownership", Value($$"""{"owners": [{"owner": "{{Ada}}", "type": "DATAOWNER"}]}""")),
        ];
    }

    private static JsonObject Schema(params (string Path, string Type)[] fields) => new()
    {
        ["schemaName"] = "orders",
        ["platform"] = "urn:li:dataPlatform:hive",
        ["version"] = 0,
        ["hash"] = "",
        ["platformSchema"] = new JsonObject { ["com.linkedin.schema.OtherSchema"] = new JsonObject { ["rawSchema"] = "" } },
        ["fields"] = new JsonArray([.. fields.Select(f => (JsonNode)new JsonObject
        {
            ["fieldPath"] = f.Path,
            ["type"] = new JsonObject
            {
                ["type"] = new JsonObject { [f.Type.Contains("char") ? "com.linkedin.schema.StringType" : "com.linkedin.schema.NumberType"] = new JsonObject() },
            },
            ["nativeDataType"] = f.Type,
        })]),
    };

    private static JsonObject FineGrained(string upstream, string downstream, string transform, double? confidence)
    {
        var entry = new JsonObject
        {
            ["upstreamType"] = "FIELD_SET",
            ["upstreams"] = new JsonArray(upstream),
            ["downstreamType"] = "FIELD",
            ["downstreams"] = new JsonArray(downstream),
            ["transformOperation"] = transform,
        };
        if (confidence is { } c) entry["confidenceScore"] = c;
        return entry;
    }
}
