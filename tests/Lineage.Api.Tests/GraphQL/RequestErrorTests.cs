using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.GraphQL;

/// <summary>What a GraphQL client sees when the request is wrong: errors with message, location and path, no stack traces.</summary>
public abstract class RequestErrorTests(LineageApiFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient();
    private readonly GraphQLClient _graphql = new(factory.CreateClient());

    [Fact]
    public async Task a_syntax_error_is_reported_with_its_location_and_no_data()
    {
        var body = await _graphql.PostAsync("{ mlModel(urn: ");

        GraphQLClient.ShouldEqualJson(body, """
            {
              "errors": [{ "message": "Error parsing query: Unexpected EOF", "locations": [{ "line": 1, "column": 16 }],
                           "extensions": { "code": "SYNTAX_ERROR", "codes": ["SYNTAX_ERROR"] } }],
              "extensions": {}
            }
            """);
    }

    [Fact]
    public async Task an_unknown_field_is_reported_with_the_fields_it_might_have_meant()
    {
        var body = await _graphql.PostAsync("""{ mlModel(urn: "urn:li:mlModel:(urn:li:dataPlatform:x,y,PROD)") { urn nmae } }""");

        body["data"].ShouldBeNull();
        var error = body["errors"]!.AsArray().Single()!;
        error["message"]!.GetValue<string>().ShouldBe("Cannot query field 'nmae' on type 'MLModel'. Did you mean 'name'?");
        GraphQLClient.ShouldEqualJson(error["locations"], """[{ "line": 1, "column": 71 }]""");
    }

    [Fact]
    public async Task a_query_deeper_than_the_limit_is_refused_before_it_runs()
    {
        // relationships → entity → relationships … nests two levels a round; 12 rounds pass the default depth of 20.
        var inner = "urn";
        for (var i = 0; i < 12; i++) inner = $"relationships(input: {{types: [\"MemberOf\"], direction: OUTGOING}}) {{ relationships {{ entity {{ {inner} }} }} }}";
        var body = await _graphql.PostAsync($$"""{ mlModel(urn: "urn:li:mlModel:(urn:li:dataPlatform:x,y,PROD)") { {{inner}} } }""");

        body["data"].ShouldBeNull();
        var error = body["errors"]!.AsArray().Single()!;
        error["message"]!.GetValue<string>().ShouldStartWith("Query is too nested to execute.");
        error["message"]!.GetValue<string>().ShouldEndWith("maximum allowed on this endpoint is 20.");
        error["extensions"]!["code"]!.GetValue<string>().ShouldBe("COMPLEXITY");
    }

    [Fact]
    public async Task a_query_costlier_than_the_limit_is_refused_before_it_runs()
    {
        // Each list level counts its selection five times: six nested lists of a dozen fields pass 100 000.
        var fields = "urn type name description origin exists";
        var inner = $"... on MLModel {{ {fields} }}";
        for (var i = 0; i < 6; i++) inner = $"relationships(input: {{types: [\"MemberOf\"], direction: OUTGOING}}) {{ total relationships {{ type entity {{ urn {inner} }} }} }}";
        var body = await _graphql.PostAsync($$"""{ mlModel(urn: "urn:li:mlModel:(urn:li:dataPlatform:x,y,PROD)") { {{inner}} } }""");

        body["data"].ShouldBeNull();
        body["errors"]!.AsArray().Single()!["message"]!.GetValue<string>().ShouldStartWith("Query is too complex to execute.");
    }

    [Fact]
    public async Task a_bad_urn_argument_fails_that_field_only_with_a_path()
    {
        var body = await _graphql.PostAsync("""
            { bad: mlModel(urn: "not-a-urn") { urn } good: mlModel(urn: "urn:li:mlModel:(urn:li:dataPlatform:x,absent,PROD)") { urn } }
            """);

        GraphQLClient.ShouldEqualJson(body["data"], """{ "bad": null, "good": null }""");
        var error = body["errors"]!.AsArray().Single()!;
        error["message"]!.GetValue<string>().ShouldBe("urn: does not start with 'urn:li:'");
        error["path"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["bad"]);
        error["extensions"]!["code"]!.GetValue<string>().ShouldBe("BAD_REQUEST");
    }

    [Fact]
    public async Task a_body_that_is_not_a_graphql_request_is_a_400_in_the_same_error_shape()
    {
        var notJson = await _http.PostAsync("/api/graphql", new StringContent("{ mlModel", Encoding.UTF8, "application/json"));
        var noQuery = await _http.PostAsync("/api/graphql", new StringContent("""{"variables": {}}""", Encoding.UTF8, "application/json"));

        notJson.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        noQuery.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = JsonNode.Parse(await noQuery.Content.ReadAsStringAsync())!;
        body["errors"]![0]!["message"]!.GetValue<string>().ShouldStartWith("the request has no query");
        JsonNode.Parse(await notJson.Content.ReadAsStringAsync())!["errors"]![0]!["message"]!.GetValue<string>()
            .ShouldStartWith("the request body is not a GraphQL request in JSON");
    }

    [Fact]
    public async Task get_with_a_query_string_and_named_operations_with_variables_work_too()
    {
        var get = await _http.GetAsync("/api/graphql?query=" + Uri.EscapeDataString("{ __typename }"));
        var named = await _graphql.PostAsync(
            "query A { __typename } query B($urn: String!) { exists: entityExists(urn: $urn) }",
            new JsonObject { ["urn"] = "urn:li:mlModel:(urn:li:dataPlatform:x,absent,PROD)" }, operationName: "B");

        get.StatusCode.ShouldBe(HttpStatusCode.OK);
        GraphQLClient.ShouldEqualJson(JsonNode.Parse(await get.Content.ReadAsStringAsync()), """{ "data": { "__typename": "Query" }, "extensions": {} }""");
        GraphQLClient.ShouldEqualJson(named, """{ "data": { "exists": false }, "extensions": {} }""");
    }
}

[Collection(SqliteApiCollection.Name)]
public sealed class sqlite_graphql_errors(SqliteApiFactory factory) : RequestErrorTests(factory);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_graphql_errors(Neo4jApiFactory factory) : RequestErrorTests(factory);
