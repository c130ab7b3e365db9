using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.GraphQL;

/// <summary>searchAcrossLineage: what is upstream or downstream of an entity, with degree and the path to each, on LineageService.</summary>
public abstract class LineageQueryTests(LineageApiFactory factory)
{
    private readonly DataHubWire _gms = new(factory.CreateClient());
    private readonly GraphQLClient _graphql = new(factory.CreateClient());
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    // dataset → feature → model → group, feature → table.
    private string Dataset => $"urn:li:dataset:(urn:li:dataPlatform:hive,events_{_run},PROD)";
    private string Feature => $"urn:li:mlFeature:(events_{_run},clicks)";
    private string Table => $"urn:li:mlFeatureTable:(urn:li:dataPlatform:feast,events_{_run})";
    private string Model => $"urn:li:mlModel:(urn:li:dataPlatform:mlflow,ctr_{_run},PROD)";
    private string Group => $"urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,ctr-models-{_run},PROD)";

    private async Task WriteAsync()
    {
        await _gms.UpsertAsync(Dataset, "datasetProperties", new JsonObject { ["name"] = "events" });
        await _gms.UpsertAsync(Feature, "mlFeatureProperties", new JsonObject { ["sources"] = new JsonArray(Dataset) });
        await _gms.UpsertAsync(Table, "mlFeatureTableProperties", new JsonObject { ["mlFeatures"] = new JsonArray(Feature) });
        await _gms.UpsertAsync(Group, "mlModelGroupProperties", new JsonObject { ["description"] = "ctr" });
        await _gms.UpsertAsync(Model, "mlModelProperties", new JsonObject
        {
            ["mlFeatures"] = new JsonArray(Feature), ["groups"] = new JsonArray(Group),
        });
    }

    private const string Query = """
        query ($input: SearchAcrossLineageInput!) {
          searchAcrossLineage(input: $input) {
            start count total
            searchResults { entity { urn type } degree paths { path { urn } } }
            facets { field aggregations { value count } }
          }
        }
        """;

    [Fact]
    public async Task downstream_of_a_dataset_lists_each_entity_nearest_first_with_its_degree_and_path()
    {
        await WriteAsync();

        var data = await _graphql.DataAsync(Query, Input(Dataset, "DOWNSTREAM"));

        var lineage = data["searchAcrossLineage"]!;
        lineage["total"]!.GetValue<int>().ShouldBe(4);
        Results(lineage).ShouldBe(
        [
            (Feature, 1, P(Dataset, Feature)),
            (Table, 2, P(Dataset, Feature, Table)),
            (Model, 2, P(Dataset, Feature, Model)),
            (Group, 3, P(Dataset, Feature, Model, Group)),
        ], ignoreOrder: true);
        Results(lineage).Select(r => r.Degree).ShouldBe([1, 2, 2, 3]);
        Aggregations(lineage, "degree").ShouldBe([("2", 2L), ("1", 1L), ("3+", 1L)]);
    }

    [Fact]
    public async Task upstream_with_types_and_paging_keeps_the_full_path_through_other_types()
    {
        await WriteAsync();

        var datasets = await _graphql.DataAsync(Query, Input(Group, "UPSTREAM", new JsonObject { ["types"] = new JsonArray("DATASET") }));
        var second = await _graphql.DataAsync(Query, Input(Group, "UPSTREAM", new JsonObject { ["start"] = 1, ["count"] = 1 }));
        var nearest = await _graphql.DataAsync(Query, Input(Group, "UPSTREAM", new JsonObject
        {
            ["orFilters"] = new JsonArray(new JsonObject
            {
                ["and"] = new JsonArray(new JsonObject { ["field"] = "degree", ["values"] = new JsonArray("1") }),
            }),
        }));

        Results(datasets["searchAcrossLineage"]!).ShouldBe([(Dataset, 3, P(Group, Model, Feature, Dataset))]);
        var page = second["searchAcrossLineage"]!;
        page["start"]!.GetValue<int>().ShouldBe(1);
        page["count"]!.GetValue<int>().ShouldBe(1);
        page["total"]!.GetValue<int>().ShouldBe(3);
        Results(page).ShouldBe([(Feature, 2, P(Group, Model, Feature))]);
        Results(nearest["searchAcrossLineage"]!).ShouldBe([(Model, 1, P(Group, Model))]);
    }

    [Fact]
    public async Task an_entity_without_lineage_has_none_and_an_unparseable_urn_is_an_error_on_the_field()
    {
        await _gms.UpsertAsync(Group, "mlModelGroupProperties", new JsonObject { ["description"] = "alone" });

        var none = await _graphql.DataAsync(Query, Input(Group, "UPSTREAM"));
        var bad = await _graphql.PostAsync(Query, Input("not-a-urn", "UPSTREAM"));

        GraphQLClient.ShouldEqualJson(none["searchAcrossLineage"], """
            { "start": 0, "count": 0, "total": 0, "searchResults": [],
              "facets": [{ "field": "_entityType", "aggregations": [] }, { "field": "degree", "aggregations": [] }] }
            """);
        bad["data"]!["searchAcrossLineage"].ShouldBeNull();
        bad["errors"]![0]!["message"]!.GetValue<string>().ShouldStartWith("input.urn: ");
        bad["errors"]![0]!["path"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["searchAcrossLineage"]);
    }

    private static JsonObject Input(string urn, string direction, JsonObject? more = null)
    {
        var input = new JsonObject { ["urn"] = urn, ["direction"] = direction, ["query"] = "*" };
        foreach (var (name, value) in more ?? []) input[name] = value?.DeepClone();
        return new JsonObject { ["input"] = input };
    }

    private static List<(string Urn, int Degree, string Path)> Results(JsonNode lineage) =>
        lineage["searchResults"]!.AsArray().Select(r => (
            r!["entity"]!["urn"]!.GetValue<string>(),
            r["degree"]!.GetValue<int>(),
            P([.. r["paths"]!.AsArray().Single()!["path"]!.AsArray().Select(p => p!["urn"]!.GetValue<string>())]))).ToList();

    /// <summary>A path as one comparable text.</summary>
    private static string P(params string[] urns) => string.Join(" > ", urns);

    private static List<(string, long)> Aggregations(JsonNode lineage, string field) =>
        lineage["facets"]!.AsArray().Single(f => f!["field"]!.GetValue<string>() == field)!["aggregations"]!.AsArray()
            .Select(a => (a!["value"]!.GetValue<string>(), a["count"]!.GetValue<long>())).ToList();
}

[Collection(SqliteApiCollection.Name)]
public sealed class sqlite_graphql_lineage(SqliteApiFactory factory) : LineageQueryTests(factory);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_graphql_lineage(Neo4jApiFactory factory) : LineageQueryTests(factory);
