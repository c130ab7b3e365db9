using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.GraphQL;

/// <summary>
/// Column lineage where DataHub's GraphQL schema has it: <c>Dataset.fineGrainedLineages</c> (columns as dataset urn and
/// field path, as DataHub's FineGrainedLineagesMapper gives them) and searchAcrossLineage from a column.
/// </summary>
public abstract class ColumnLineageQueryTests(LineageApiFactory factory)
{
    private readonly DataHubWire _gms = new(factory.CreateClient());
    private readonly GraphQLClient _graphql = new(factory.CreateClient());
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    private string Users => $"urn:li:dataset:(urn:li:dataPlatform:hive,users_{_run},PROD)";
    private string Daily => $"urn:li:dataset:(urn:li:dataPlatform:hive,user_daily_{_run},PROD)";
    private string Feature => $"urn:li:mlFeature:(users_{_run},country)";
    private static string Column(string dataset, string field) => $"urn:li:schemaField:({dataset},{field})";

    private async Task WriteAsync()
    {
        await _gms.UpsertAsync(Daily, "upstreamLineage", JsonNode.Parse($$"""
            {"upstreams": [{"dataset": "{{Users}}", "type": "TRANSFORMED"}],
             "fineGrainedLineages": [
               {"upstreamType": "FIELD_SET", "upstreams": ["{{Column(Users, "country")}}", "{{Column(Users, "region")}}"],
                "downstreamType": "FIELD", "downstreams": ["{{Column(Daily, "country")}}"], "transformOperation": "COALESCE"},
               {"upstreamType": "DATASET", "upstreams": ["{{Users}}"],
                "downstreamType": "FIELD", "downstreams": ["{{Column(Daily, "row_count")}}"]}]}
            """)!);
        await _gms.UpsertAsync(Feature, "mlFeatureProperties", new JsonObject { ["sources"] = new JsonArray(Column(Daily, "country")) });
    }

    [Fact]
    public async Task a_datasets_fine_grained_lineages_name_each_column_by_its_dataset_and_path()
    {
        await WriteAsync();

        var data = await _graphql.DataAsync(
            "query ($urn: String!) { dataset(urn: $urn) { fineGrainedLineages { upstreams { urn path } downstreams { urn path } query transformOperation } } }",
            new JsonObject { ["urn"] = Daily });

        GraphQLClient.ShouldEqualJson(data["dataset"]!["fineGrainedLineages"], $$"""
            [{"upstreams": [{"urn": "{{Users}}", "path": "country"}, {"urn": "{{Users}}", "path": "region"}],
              "downstreams": [{"urn": "{{Daily}}", "path": "country"}], "query": null, "transformOperation": "COALESCE"},
             {"upstreams": [], "downstreams": [{"urn": "{{Daily}}", "path": "row_count"}], "query": null, "transformOperation": null}]
            """);
    }

    [Fact]
    public async Task search_across_lineage_from_a_column_walks_column_to_column_then_to_the_feature()
    {
        await WriteAsync();

        var data = await _graphql.DataAsync("""
            query ($input: SearchAcrossLineageInput!) {
              searchAcrossLineage(input: $input) {
                total
                searchResults { degree entity { urn type ... on SchemaFieldEntity { fieldPath parent { urn } } } }
              }
            }
            """, new JsonObject { ["input"] = new JsonObject { ["urn"] = Column(Users, "country"), ["direction"] = "DOWNSTREAM", ["query"] = "*" } });

        var results = data["searchAcrossLineage"]!["searchResults"]!.AsArray();
        results.Select(r => (r!["entity"]!["urn"]!.GetValue<string>(), r["degree"]!.GetValue<int>()))
            .ShouldBe([(Column(Daily, "country"), 1), (Feature, 2)]);
        GraphQLClient.ShouldEqualJson(results[0]!["entity"], $$$"""
            {"urn": "{{{Column(Daily, "country")}}}", "type": "SCHEMA_FIELD", "fieldPath": "country", "parent": {"urn": "{{{Daily}}}"} }
            """);
    }
}

[Collection(SqliteApiCollection.Name)]
public sealed class sqlite_graphql_column_lineage(SqliteApiFactory factory) : ColumnLineageQueryTests(factory);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_graphql_column_lineage(Neo4jApiFactory factory) : ColumnLineageQueryTests(factory);
