using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Transfer;

/// <summary>
/// <c>GET /api/v1/export</c> and <c>POST /api/v1/import</c> on both stores: a page of the catalog as DataHub file
/// entries, each version restored as it was, entries refused one by one, and bad requests refused whole.
/// </summary>
public abstract class TransferTests(LineageApiFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient();
    private readonly DataHubWire _gms = new(factory.CreateClient());
    private readonly string _id = Guid.NewGuid().ToString("N")[..10];

    /// <summary>Sorts before this test's models and after every other urn of the catalog that shares no prefix with them.</summary>
    private string Before => $"urn:li:mlModel:(urn:li:dataPlatform:science,xfer_{_id}";

    private string Model(string name) => $"{Before}_{name},PROD)";

    [Fact]
    public async Task a_page_holds_every_version_oldest_first_with_its_revision_time_and_actor_and_says_where_the_next_starts()
    {
        await _gms.UpsertAsync(Model("a"), "mlModelProperties", new JsonObject { ["description"] = "one" });
        await _gms.UpsertAsync(Model("a"), "mlModelProperties", new JsonObject { ["description"] = "two" });
        await _gms.UpsertAsync(Model("b"), "mlModelProperties", new JsonObject { ["description"] = "b" });

        var page = await ExportAsync(history: true, after: Before, limit: 1);
        page["entities"]!.GetValue<int>().ShouldBe(1);
        page["next"]!.GetValue<string>().ShouldBe(Model("a"));
        var entries = page["entries"]!.AsArray().Where(e => e!["aspectName"]!.GetValue<string>() == "mlModelProperties").ToList();
        entries.Select(e => e!["aspect"]!["json"]!["description"]!.GetValue<string>()).ShouldBe(["one", "two"]);
        entries.Select(e => e!["systemMetadata"]!["version"]!.GetValue<string>()).ShouldBe(["1", "2"]);
        entries.ShouldAllBe(e => e!["systemMetadata"]!["aspectModified"]!["actor"]!.GetValue<string>() == "urn:li:corpuser:__datahub_system");
        entries.ShouldAllBe(e => e!["entityType"]!.GetValue<string>() == "mlModel" && e["changeType"]!.GetValue<string>() == "UPSERT");

        var latest = await ExportAsync(history: false, after: page["next"]!.GetValue<string>(), limit: 1);
        latest["entries"]!.AsArray().Where(e => e!["aspectName"]!.GetValue<string>() == "mlModelProperties")
            .Select(e => e!["entityUrn"]!.GetValue<string>()).ShouldBe([Model("b")]);
    }

    [Fact]
    public async Task restored_versions_keep_their_number_time_and_actor_and_importing_them_again_writes_nothing()
    {
        var urn = Model("restored");
        JsonObject Entry(string description, int version, long time) => new()
        {
            ["entityType"] = "mlModel", ["entityUrn"] = urn, ["changeType"] = "UPSERT", ["aspectName"] = "mlModelProperties",
            ["aspect"] = new JsonObject { ["json"] = new JsonObject { ["description"] = description } },
            ["systemMetadata"] = new JsonObject
            {
                ["runId"] = "old-run", ["version"] = $"{version}",
                ["aspectModified"] = new JsonObject { ["time"] = time, ["actor"] = "urn:li:corpuser:alice" },
            },
        };
        var body = new JsonObject { ["entries"] = new JsonArray(Entry("one", 1, 1_600_000_000_000), Entry("two", 2, 1_600_000_100_000)) };

        JsonNode.DeepEquals(await ImportAsync(body), new JsonObject { ["entries"] = 2, ["written"] = 2, ["unchanged"] = 0, ["refused"] = new JsonArray() })
            .ShouldBeTrue();
        var history = await _http.GetFromJsonAsync<JsonObject>($"/api/v1/history?urn={Uri.EscapeDataString(urn)}&aspect=mlModelProperties");
        history!["aspects"]![0]!["versions"]!.AsArray().Select(v => (v!["revision"]!.GetValue<long>(), v["createdAt"]!.GetValue<string>(), v["createdBy"]!.GetValue<string>()))
            .ShouldBe([(2L, "2020-09-13T12:28:20.000Z", "urn:li:corpuser:alice"), (1L, "2020-09-13T12:26:40.000Z", "urn:li:corpuser:alice")]);
        var read = await _http.GetFromJsonAsync<JsonObject>($"/entitiesV2/{Uri.EscapeDataString(urn)}");
        read!["aspects"]!["mlModelProperties"]!["systemMetadata"]!["runId"]!.GetValue<string>().ShouldBe("old-run");

        var again = await ImportAsync(body.DeepClone().AsObject());
        again["written"]!.GetValue<int>().ShouldBe(0);
        again["unchanged"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task an_entry_that_cannot_be_written_is_refused_alone_with_its_index_status_and_reason()
    {
        var body = new JsonObject
        {
            ["first"] = 40,
            ["entries"] = new JsonArray(
                new JsonObject { ["entityUrn"] = Model("ok"), ["aspectName"] = "status", ["aspect"] = new JsonObject { ["json"] = new JsonObject { ["removed"] = false } } },
                new JsonObject { ["entityUrn"] = "urn:li:mlModel:broken", ["aspectName"] = "status", ["aspect"] = new JsonObject { ["json"] = new JsonObject() } },
                new JsonObject { ["entityUrn"] = Model("ok"), ["changeType"] = "CREATE", ["aspectName"] = "status",
                    ["aspect"] = new JsonObject { ["json"] = new JsonObject { ["removed"] = true } } },
                JsonValue.Create(7)),
        };

        var answer = await ImportAsync(body);

        answer["written"]!.GetValue<int>().ShouldBe(1);
        var refused = answer["refused"]!.AsArray().Select(r => (r!["index"]!.GetValue<long>(), r["status"]!.GetValue<int>(), r["path"]!.GetValue<string>())).ToList();
        refused.ShouldBe([(41L, 400, "entries[41].entityUrn"), (42L, 409, "entries[42]"), (43L, 400, "entries[43]")]);
        (await _http.GetAsync($"/entitiesV2/{Uri.EscapeDataString(Model("ok"))}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task restoring_a_version_takes_an_admin_token()
    {
        var created = await (await _http.PostAsJsonAsync("/api/v1/admin/tokens", new { name = "transfer writer", scope = "write" }))
            .Content.ReadFromJsonAsync<JsonObject>();
        using var writer = factory.CreateClient();
        AuthorizedClients.Authorize(writer, created!["token"]!.GetValue<string>());
        var response = await writer.PostAsJsonAsync("/api/v1/import", new JsonObject
        {
            ["entries"] = new JsonArray(new JsonObject
            {
                ["entityUrn"] = Model("forged"), ["aspectName"] = "status", ["aspect"] = new JsonObject { ["json"] = new JsonObject { ["removed"] = false } },
                ["systemMetadata"] = new JsonObject { ["version"] = "1", ["aspectModified"] = new JsonObject { ["time"] = 0, ["actor"] = "urn:li:corpuser:ceo" } },
            }),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = (await response.Content.ReadFromJsonAsync<JsonObject>())!["refused"]![0]!;
        refused["status"]!.GetValue<int>().ShouldBe(403);
        refused["path"]!.GetValue<string>().ShouldBe("entries[0].systemMetadata.version");
        (await _http.GetAsync($"/entitiesV2/{Uri.EscapeDataString(Model("forged"))}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/v1/export?limit=0", "limit")]
    [InlineData("/api/v1/export?limit=1001", "limit")]
    [InlineData("/api/v1/export?history=maybe", "history")]
    [InlineData("/api/v1/export?page=2", "page")]
    public async Task a_bad_export_query_is_a_400_naming_the_parameter(string path, string parameter)
    {
        var response = await _http.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain(parameter);
    }

    [Theory]
    [InlineData("""{"first": 0}""", "entries")]
    [InlineData("""{"entries": [], "first": -1}""", "first")]
    [InlineData("""[1, 2]""", "body")]
    public async Task a_bad_import_body_is_a_400_naming_the_field(string body, string field)
    {
        var response = await _http.PostAsync("/api/v1/import", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["message"]!.GetValue<string>().ShouldStartWith(field);
    }

    private async Task<JsonObject> ExportAsync(bool history, string after, int limit) =>
        (await _http.GetFromJsonAsync<JsonObject>($"/api/v1/export?history={(history ? "true" : "false")}&after={Uri.EscapeDataString(after)}&limit={limit}"))!;

    private async Task<JsonObject> ImportAsync(JsonObject body)
    {
        var response = await _http.PostAsJsonAsync("/api/v1/import", body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}

[Collection(SqliteApiCollection.Name)]
public sealed class sqlite_transfer(SqliteApiFactory factory) : TransferTests(factory);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_transfer(Neo4jApiFactory factory) : TransferTests(factory);
