using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.GraphQL;

/// <summary>
/// searchAcrossEntities, autoComplete and autoCompleteForMultiple in DataHub's shapes, on the search index the REST
/// endpoints use. The index is shared by the classes of a collection, so each test searches for a word of its own.
/// </summary>
public abstract class SearchQueryTests(LineageApiFactory factory)
{
    private readonly DataHubWire _gms = new(factory.CreateClient());
    private readonly GraphQLClient _graphql = new(factory.CreateClient());
    private readonly string _word = "zq" + string.Concat(Enumerable.Range(0, 10).Select(_ => "bcdfghjklmnpqrtvwxz"[Random.Shared.Next(19)]));

    private string Model(string platform, string name) => $"urn:li:mlModel:(urn:li:dataPlatform:{platform},{_word}_{name},PROD)";
    private string Feature => $"urn:li:mlFeature:({_word}_ns,{_word}_clicks)";

    private async Task WriteAsync()
    {
        await _gms.UpsertAsync(Model("mlflow", "churn"), "mlModelProperties", new JsonObject { ["description"] = $"predicts churn for {_word}" });
        await _gms.UpsertAsync(Model("mlflow", "churn"), "globalTags", new JsonObject { ["tags"] = new JsonArray(new JsonObject { ["tag"] = "urn:li:tag:pii" }) });
        await _gms.UpsertAsync(Model("sagemaker", "ranker"), "mlModelProperties", new JsonObject { ["description"] = "ranks things" });
        await _gms.UpsertAsync(Feature, "mlFeatureProperties", new JsonObject { ["description"] = "clicks in a week" });
    }

    private const string Search = """
        query ($input: SearchAcrossEntitiesInput!) {
          searchAcrossEntities(input: $input) {
            start count total
            searchResults { entity { urn type ... on MLModel { name platform { name } } } matchedFields { name value } }
            facets { field aggregations { value count } }
          }
        }
        """;

    [Fact]
    public async Task search_across_entities_finds_by_word_with_types_filters_and_facets()
    {
        await WriteAsync();

        var all = await _graphql.DataUntilAsync(Search, d => d["searchAcrossEntities"]!["total"]!.GetValue<int>() == 3,
            new JsonObject { ["input"] = new JsonObject { ["query"] = $"{_word}*", ["start"] = 0, ["count"] = 10 } });
        var models = await _graphql.DataAsync(Search, new JsonObject
        {
            ["input"] = new JsonObject { ["types"] = new JsonArray("MLMODEL"), ["query"] = $"{_word}*" },
        });
        var mlflow = await _graphql.DataAsync(Search, new JsonObject
        {
            ["input"] = new JsonObject
            {
                ["query"] = $"{_word}*",
                ["orFilters"] = new JsonArray(new JsonObject
                {
                    ["and"] = new JsonArray(
                        new JsonObject { ["field"] = "platform", ["values"] = new JsonArray("urn:li:dataPlatform:mlflow") },
                        new JsonObject { ["field"] = "tags", ["values"] = new JsonArray("urn:li:tag:pii"), ["condition"] = "EQUAL" }),
                }),
            },
        });

        Urns(all).ShouldBe([Model("mlflow", "churn"), Model("sagemaker", "ranker"), Feature], ignoreOrder: true);
        Facet(all, "_entityType").ShouldBe([("MLMODEL", 2L), ("MLFEATURE", 1L)]);
        Urns(models).ShouldBe([Model("mlflow", "churn"), Model("sagemaker", "ranker")], ignoreOrder: true);
        var hit = mlflow["searchAcrossEntities"]!["searchResults"]!.AsArray().Single()!;
        GraphQLClient.ShouldEqualJson(hit["entity"], $$"""
            { "urn": "{{Model("mlflow", "churn")}}", "type": "MLMODEL", "name": "{{_word}}_churn", "platform": { "name": "mlflow" } }
            """);
        hit["matchedFields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ShouldContain("name");
    }

    [Fact]
    public async Task a_description_match_reports_the_matched_description()
    {
        await WriteAsync();

        var found = await _graphql.DataUntilAsync(Search, d => d["searchAcrossEntities"]!["total"]!.GetValue<int>() == 1,
            new JsonObject { ["input"] = new JsonObject { ["query"] = $"churn {_word}", ["types"] = new JsonArray("MLMODEL") } });

        var hit = found["searchAcrossEntities"]!["searchResults"]![0]!;
        hit["matchedFields"]!.AsArray().ShouldContain(f => f!["name"]!.GetValue<string>() == "description"
            && f["value"]!.GetValue<string>() == $"predicts churn for {_word}");
    }

    [Fact]
    public async Task autocomplete_suggests_names_and_entities_for_one_type_or_grouped_by_type()
    {
        await WriteAsync();

        var one = await _graphql.DataUntilAsync("""
            query ($q: String!) { autoComplete(input: {type: MLMODEL, query: $q, limit: 5}) { query suggestions entities { urn type } } }
            """, d => d["autoComplete"]!["suggestions"]!.AsArray().Count == 2, new JsonObject { ["q"] = _word });
        var many = await _graphql.DataUntilAsync("""
            query ($q: String!) { autoCompleteForMultiple(input: {query: $q, limit: 5}) { query suggestions { type suggestions entities { urn } } } }
            """, d => d["autoCompleteForMultiple"]!["suggestions"]!.AsArray().Count == 2, new JsonObject { ["q"] = _word });

        one["autoComplete"]!["query"]!.GetValue<string>().ShouldBe(_word);
        one["autoComplete"]!["suggestions"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe([$"{_word}_churn", $"{_word}_ranker"], ignoreOrder: true);
        one["autoComplete"]!["entities"]!.AsArray().ShouldAllBe(e => e!["type"]!.GetValue<string>() == "MLMODEL");
        var groups = many["autoCompleteForMultiple"]!["suggestions"]!.AsArray();
        groups.Select(g => g!["type"]!.GetValue<string>()).ShouldBe(["MLMODEL", "MLFEATURE"], ignoreOrder: true);
        var features = groups.Single(g => g!["type"]!.GetValue<string>() == "MLFEATURE")!;
        GraphQLClient.ShouldEqualJson(features, $$"""
            { "type": "MLFEATURE", "suggestions": ["{{_word}}_clicks"], "entities": [{ "urn": "{{Feature}}" }] }
            """);
    }

    [Fact]
    public async Task filters_the_search_cannot_honour_are_refused_with_the_reason()
    {
        var body = await _graphql.PostAsync("""
            { searchAcrossEntities(input: {query: "*", orFilters: [{and: [{field: "platform", values: ["mlflow"]}]}, {and: [{field: "origin", values: ["PROD"]}]}]}) { total } }
            """);

        body["data"]!["searchAcrossEntities"].ShouldBeNull();
        var error = body["errors"]![0]!;
        error["message"]!.GetValue<string>().ShouldBe(
            "input.orFilters: more than one group of orFilters is not supported; put every criterion in one group (they combine with AND)");
        error["path"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["searchAcrossEntities"]);
        error["extensions"]!["code"]!.GetValue<string>().ShouldBe("BAD_REQUEST");
    }

    private static List<string> Urns(JsonObject data) =>
        data["searchAcrossEntities"]!["searchResults"]!.AsArray().Select(r => r!["entity"]!["urn"]!.GetValue<string>()).ToList();

    private static List<(string, long)> Facet(JsonObject data, string field) =>
        data["searchAcrossEntities"]!["facets"]!.AsArray().Single(f => f!["field"]!.GetValue<string>() == field)!["aggregations"]!.AsArray()
            .Select(a => (a!["value"]!.GetValue<string>(), a["count"]!.GetValue<long>())).ToList();
}

[Collection(SqliteApiCollection.Name)]
public sealed class sqlite_graphql_search(SqliteApiFactory factory) : SearchQueryTests(factory);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_graphql_search(Neo4jApiFactory factory) : SearchQueryTests(factory);
