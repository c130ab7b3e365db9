using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Hardening;

/// <summary>
/// Input meant to break the service — malformed, mistyped, huge, deeply nested, not UTF-8, carrying Cypher or SQL,
/// asking for absurd traversals — each gets a 4xx with a JSON error that says what is wrong, and the store, dumped
/// around the service before and after, is unchanged.
/// </summary>
public abstract class HostileInputTests(LineageApiFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient();
    private readonly string _id = Guid.NewGuid().ToString("N")[..10];

    private const string CypherTag = "urn:li:tag:x') DETACH DELETE n //";
    private const string CypherGroup = "urn:li:mlModelGroup:x'}) MATCH (n) DETACH DELETE n //";
    private const string SqlDataset = "urn:li:dataset:(urn:li:dataPlatform:hive,x'); DROP TABLE aspects; --,PROD)";

    private string Model => $"urn:li:mlModel:(urn:li:dataPlatform:science,hostile_{_id},PROD)";

    private static string Q(string text) => Uri.EscapeDataString(text);

    private static JsonObject Proposal(string urn, string aspect, string valueJson) => new()
    {
        ["entityType"] = urn.Split(':')[2], ["entityUrn"] = urn, ["changeType"] = "UPSERT", ["aspectName"] = aspect,
        ["aspect"] = new JsonObject { ["value"] = valueJson, ["contentType"] = "application/json" },
    };

    private static byte[] Ingest(JsonObject proposal) =>
        Encoding.UTF8.GetBytes(new JsonObject { ["proposal"] = proposal }.ToJsonString());

    /// <summary>Each case: a name, the request, the status it must get.</summary>
    private IEnumerable<(string Name, HttpMethod Method, string Path, byte[]? Body, HttpStatusCode Status)> Cases()
    {
        const string ingest = "/aspects?action=ingestProposal";
        yield return ("malformed JSON", HttpMethod.Post, ingest, "{\"proposal\": {"u8.ToArray(), HttpStatusCode.BadRequest);
        yield return ("a number for the urn", HttpMethod.Post, ingest, """{"proposal": {"entityUrn": 5, "changeType": "UPSERT", "aspectName": "status"}}"""u8.ToArray(), HttpStatusCode.BadRequest);
        yield return ("a field of the wrong type", HttpMethod.Post, ingest, Ingest(Proposal(Model, "mlModelProperties", """{"description": ["not", "text"]}""")), HttpStatusCode.BadRequest);
        yield return ("an array for the body", HttpMethod.Post, ingest, "[1, 2, 3]"u8.ToArray(), HttpStatusCode.BadRequest);
        yield return ("a 10 MB body", HttpMethod.Post, "/aspects?action=ingestProposalBatch",
            Encoding.UTF8.GetBytes("{\"proposals\": [\"" + new string('x', 10 * 1024 * 1024) + "\"]}"), HttpStatusCode.RequestEntityTooLarge);
        yield return ("a body nested 100,000 deep", HttpMethod.Post, ingest,
            Encoding.UTF8.GetBytes(new string('[', 100_000) + new string(']', 100_000)), HttpStatusCode.BadRequest);
        yield return ("an aspect nested 10,000 deep", HttpMethod.Post, ingest,
            Ingest(Proposal(Model, "mlModelProperties", string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000))), HttpStatusCode.BadRequest);
        yield return ("bytes that are not UTF-8", HttpMethod.Post, ingest,
            [.. "{\"proposal\": {\"entityUrn\": \""u8, 0xff, 0xfe, 0xc3, 0x28, .. "\"}}"u8], HttpStatusCode.BadRequest);
        yield return ("not UTF-8, OpenAPI", HttpMethod.Post, "/openapi/v3/entity/mlModel?async=false",
            [.. "[{\"urn\": \""u8, 0xc0, 0xaf, .. "\"}]"u8], HttpStatusCode.BadRequest);
        yield return ("a urn over 512 bytes", HttpMethod.Post, ingest,
            Ingest(Proposal($"urn:li:mlModel:(urn:li:dataPlatform:science,{new string('m', 600)},PROD)", "status", "{}")), HttpStatusCode.BadRequest);
        yield return ("an aspect over 1 MiB", HttpMethod.Post, ingest,
            Ingest(Proposal(Model, "mlModelProperties", new JsonObject { ["description"] = new string('d', 1_100_000) }.ToJsonString())), HttpStatusCode.BadRequest);
        yield return ("a batch of 1,001 writes", HttpMethod.Post, "/aspects?action=ingestProposalBatch",
            Encoding.UTF8.GetBytes(new JsonObject { ["proposals"] = new JsonArray([.. Enumerable.Range(0, 1001).Select(_ => (JsonNode)Proposal(Model, "status", "{}"))]) }.ToJsonString()),
            HttpStatusCode.BadRequest);
        yield return ("Cypher in a group urn", HttpMethod.Post, ingest,
            Ingest(Proposal(Model, "mlModelProperties", new JsonObject { ["groups"] = new JsonArray(CypherGroup) }.ToJsonString())), HttpStatusCode.BadRequest);
        yield return ("Cypher in an entity urn", HttpMethod.Post, ingest,
            Ingest(Proposal("urn:li:mlModel:(urn:li:dataPlatform:x'}) DETACH DELETE n //,m,PROD)", "status", "{}")), HttpStatusCode.BadRequest);
        yield return ("Cypher in an aspect name", HttpMethod.Post, ingest,
            Ingest(Proposal(Model, "status`]->() DETACH DELETE n //", "{}")), HttpStatusCode.BadRequest);
        yield return ("Cypher in a well-formed urn", HttpMethod.Get, $"/aspects/{Q("urn:li:tag:x' DETACH DELETE n //")}?aspect=tagProperties&version=0", null, HttpStatusCode.NotFound);
        yield return ("Cypher in a read", HttpMethod.Get, $"/aspects/{Q(CypherTag)}?aspect=tagProperties&version=0", null, HttpStatusCode.BadRequest);
        yield return ("Cypher in an entity read", HttpMethod.Get, $"/entitiesV2/{Q(CypherTag)}", null, HttpStatusCode.BadRequest);
        yield return ("SQL in a read", HttpMethod.Get, $"/aspects/{Q(SqlDataset)}?aspect=datasetProperties&version=0", null, HttpStatusCode.BadRequest);
        yield return ("SQL in an OpenAPI read", HttpMethod.Get, $"/openapi/v3/entity/dataset/{Q(SqlDataset)}", null, HttpStatusCode.BadRequest);
        yield return ("SQL in a lineage root", HttpMethod.Get, $"/api/v1/lineage?urn={Q(SqlDataset)}", null, HttpStatusCode.BadRequest);
        yield return ("Cypher in an impact root", HttpMethod.Get, $"/api/v1/impact?urn={Q(CypherTag)}", null, HttpStatusCode.BadRequest);
        yield return ("Cypher in a path", HttpMethod.Get, $"/api/v1/lineage/path?from={Q(CypherTag)}&to={Q(SqlDataset)}", null, HttpStatusCode.BadRequest);
        yield return ("Cypher as a search query", HttpMethod.Get, $"/api/v1/search?q={Q("x') DETACH DELETE n //")}", null, HttpStatusCode.BadRequest);
        yield return ("a million hops", HttpMethod.Get, $"/api/v1/lineage?urn={Q(Model)}&maxHops=1000000", null, HttpStatusCode.BadRequest);
        yield return ("negative hops", HttpMethod.Get, $"/api/v1/impact?urn={Q(Model)}&maxHops=-1", null, HttpStatusCode.BadRequest);
        yield return ("hops that are not a number", HttpMethod.Get, $"/api/v1/lineage?urn={Q(Model)}&maxHops=3;DROP", null, HttpStatusCode.BadRequest);
        yield return ("a zero limit", HttpMethod.Get, $"/api/v1/lineage?urn={Q(Model)}&limit=0", null, HttpStatusCode.BadRequest);
        yield return ("a negative count", HttpMethod.Get, "/api/v1/search?q=model&count=-5", null, HttpStatusCode.BadRequest);
        yield return ("a start past any page", HttpMethod.Get, "/api/v1/search?q=model&start=99999999999", null, HttpStatusCode.BadRequest);
        yield return ("a negative version", HttpMethod.Get, $"/aspects/{Q(Model)}?aspect=mlModelProperties&version=-1", null, HttpStatusCode.BadRequest);
        yield return ("a relationships count of a billion", HttpMethod.Get, $"/relationships?direction=INCOMING&urn={Q(Model)}&count=1000000000", null, HttpStatusCode.BadRequest);
        yield return ("an unknown lineage parameter", HttpMethod.Get, $"/api/v1/lineage?urn={Q(Model)}&maxHop=2", null, HttpStatusCode.BadRequest);
        yield return ("an unknown search parameter", HttpMethod.Get, "/api/v1/search?q=model&tags=urn:li:tag:x", null, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task every_hostile_request_gets_a_clear_4xx_and_the_store_is_unchanged()
    {
        var create = await _http.PostAsync("/aspects?action=ingestProposal",
            new ByteArrayContent(Ingest(Proposal(Model, "mlModelProperties", """{"description": "the target"}"""))) { Headers = { ContentType = new("application/json") } });
        create.StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = await StoreDump.OfAsync(factory);
        before.ShouldContain(line => line.Contains("the target"), "the dump reads the store itself");

        var wrong = new List<string>();
        foreach (var (name, method, path, body, status) in Cases())
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null) request.Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } };
            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var error = response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonNode.Parse(text) as JsonObject : null;
            var message = error?["message"]?.GetValue<string>() ?? "";
            if (response.StatusCode != status || error?["status"]?.GetValue<int>() != (int)status || message.Length < 10 || text.Contains("   at "))
                wrong.Add($"{name}: expected {(int)status} with a JSON error, got {(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
        }

        wrong.ShouldBeEmpty();
        (await StoreDump.OfAsync(factory)).ShouldBe(before);
    }
}

[Collection(SqliteApiCollection.Name)]
public sealed class sqlite_hostile_input(SqliteApiFactory factory) : HostileInputTests(factory);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_hostile_input(Neo4jApiFactory factory) : HostileInputTests(factory);
