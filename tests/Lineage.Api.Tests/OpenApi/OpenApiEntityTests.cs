using System.Net;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.OpenApi;

/// <summary>The OpenAPI v3 entity endpoints: the same write path as Rest.li (validation, versions, edges), DataHub's shapes.</summary>
public abstract class OpenApiEntityTests(LineageApiFactory factory)
{
    private readonly DataHubWire _gms = new(factory.CreateClient());
    private readonly string _id = Guid.NewGuid().ToString("N")[..10];

    private string Model(string name = "m") => $"urn:li:mlModel:(urn:li:dataPlatform:science,{name}_{_id},PROD)";
    private string Group(string name = "g") => $"urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,{name}_{_id},PROD)";

    private static JsonObject Item(string urn, params (string Aspect, JsonNode Value)[] aspects)
    {
        var item = new JsonObject { ["urn"] = urn };
        foreach (var (aspect, value) in aspects)
            item[aspect] = new JsonObject { ["value"] = value, ["systemMetadata"] = new JsonObject { ["runId"] = "run-7" }, ["headers"] = new JsonObject() };
        return item;
    }

    private Task<HttpResponseMessage> Post(string entityType, string query, params JsonObject[] items) =>
        _gms.Send(HttpMethod.Post, $"/openapi/v3/entity/{entityType}{query}", new JsonArray([.. items]));

    private async Task<JsonNode> Json(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    [Fact]
    public async Task a_batch_writes_every_aspect_and_reads_back_in_datahubs_shape()
    {
        var written = await Post("mlModel", "?async=false",
            Item(Model(), ("mlModelProperties", new JsonObject { ["description"] = "first", ["groups"] = new JsonArray(Group()) })),
            Item(Model(), ("globalTags", new JsonObject { ["tags"] = new JsonArray(new JsonObject { ["tag"] = "urn:li:tag:gold" }) })),
            Item(Model(), ("mlModelProperties", new JsonObject { ["description"] = "second", ["groups"] = new JsonArray(Group()) })));

        written.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = (await Json(written)).AsArray();
        answer.Count.ShouldBe(1);
        answer[0]!["urn"]!.GetValue<string>().ShouldBe(Model());
        answer[0]!["mlModelProperties"]!["value"]!["description"]!.GetValue<string>().ShouldBe("second");
        answer[0]!["mlModelProperties"]!.AsObject().ContainsKey("systemMetadata").ShouldBeFalse();

        var entity = await Json(await _gms.Send(HttpMethod.Get, $"/openapi/v3/entity/mlModel/{DataHubWire.Quote(Model())}?systemMetadata=true"));
        entity["mlModelKey"]!["value"]!["name"]!.GetValue<string>().ShouldBe($"m_{_id}");
        entity["mlModelProperties"]!["value"]!["description"]!.GetValue<string>().ShouldBe("second");
        entity["mlModelProperties"]!["systemMetadata"]!["runId"]!.GetValue<string>().ShouldBe("run-7");
        entity["globalTags"]!["value"]!["tags"]![0]!["tag"]!.GetValue<string>().ShouldBe("urn:li:tag:gold");

        var only = await Json(await _gms.Send(HttpMethod.Get, $"/openapi/v3/entity/mlModel/{DataHubWire.Quote(Model())}?aspects=globalTags"));
        only.AsObject().Select(p => p.Key).ShouldBe(["urn", "globalTags"]);

        // Two writes of the batch, two versions; the edge the last one names is in the graph, as through Rest.li.
        var first = await Json(await _gms.Send(HttpMethod.Get, $"/openapi/v3/entity/mlModel/{DataHubWire.Quote(Model())}/mlModelProperties?version=1"));
        first["value"]!["description"]!.GetValue<string>().ShouldBe("first");
        var members = await DataHubWire.ReadObjectAsync(await _gms.Send(HttpMethod.Get,
            $"/relationships?direction=INCOMING&urn={DataHubWire.Quote(Group())}&types=MemberOf"));
        members["relationships"]!.AsArray().Select(r => r!["entity"]!.GetValue<string>()).ShouldBe([Model()]);
    }

    [Fact]
    public async Task head_says_whether_an_entity_or_aspect_exists()
    {
        var path = $"/openapi/v3/entity/mlModel/{DataHubWire.Quote(Model())}";
        (await _gms.Send(HttpMethod.Head, path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Post("mlModel", "?async=false", Item(Model(), ("mlModelProperties", new JsonObject { ["description"] = "x" })))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _gms.Send(HttpMethod.Head, path)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _gms.Send(HttpMethod.Head, path + "/mlModelProperties")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _gms.Send(HttpMethod.Head, path + "/globalTags")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _gms.Send(HttpMethod.Get, path + "/globalTags")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_batch_with_one_bad_aspect_writes_nothing_and_names_it()
    {
        var response = await Post("mlModel", "?async=false",
            Item(Model("good"), ("mlModelProperties", new JsonObject { ["description"] = "fine" })),
            Item(Model("bad"), ("mlModelProperties", new JsonObject { ["groups"] = new JsonArray("urn:li:corpuser:bob") })));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = await Json(response);
        error["path"]!.GetValue<string>().ShouldBe("[1].mlModelProperties.groups[0]");
        error["message"]!.GetValue<string>().ShouldContain("mlModelGroup");
        (await _gms.Send(HttpMethod.Get, $"/openapi/v3/entity/mlModel/{DataHubWire.Quote(Model("good"))}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("mlModelGroup", "[0].urn", "does not match the urn's entity type 'mlModel'")]
    [InlineData("notAnEntity", "entityType", "'notAnEntity' is not an entity type")]
    public async Task a_urn_of_another_type_than_the_path_is_a_400(string pathType, string path, string reason)
    {
        var response = await Post(pathType, "?async=false", Item(Model(), ("mlModelProperties", new JsonObject())));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = await Json(response);
        error["path"]!.GetValue<string>().ShouldBe(path);
        error["message"]!.GetValue<string>().ShouldContain(reason);
    }

    [Fact]
    public async Task malformed_bodies_are_400s_that_say_where()
    {
        (await Json(await _gms.Send(HttpMethod.Post, "/openapi/v3/entity/mlModel?async=false", new JsonObject())))["path"]!.GetValue<string>().ShouldBe("body");
        (await Json(await Post("mlModel", "", new JsonObject { ["urn"] = Model(), ["mlModelProperties"] = new JsonObject { ["description"] = "no envelope" } })))["path"]!
            .GetValue<string>().ShouldBe("[0].mlModelProperties.value");
        (await Json(await Post("mlModel", "", new JsonObject { ["urn"] = Model(), ["noSuchAspect"] = new JsonObject { ["value"] = new JsonObject() } })))["path"]!
            .GetValue<string>().ShouldBe("[0].noSuchAspect");
        (await Json(await Post("mlModel", "", new JsonObject { ["mlModelProperties"] = new JsonObject { ["value"] = new JsonObject() } })))["path"]!
            .GetValue<string>().ShouldBe("[0].urn");
    }

    [Fact]
    public async Task without_async_false_the_write_is_acknowledged_with_202_and_is_already_readable()
    {
        var response = await Post("mlModel", "", Item(Model(), ("mlModelProperties", new JsonObject { ["description"] = "a" })));
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await _gms.Send(HttpMethod.Get, $"/openapi/v3/entity/mlModel/{DataHubWire.Quote(Model())}/mlModelProperties")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task patch_applies_json_patch_operations_to_the_stored_aspect()
    {
        await Post("mlModel", "?async=false", Item(Model(), ("mlModelProperties", new JsonObject { ["description"] = "a", ["tags"] = new JsonArray("x") })));
        var patch = new JsonObject
        {
            ["urn"] = Model(),
            ["mlModelProperties"] = new JsonObject
            {
                ["value"] = new JsonObject { ["patch"] = new JsonArray(new JsonObject { ["op"] = "add", ["path"] = "/tags/-", ["value"] = "y" }) },
            },
        };
        var response = await _gms.Send(HttpMethod.Patch, "/openapi/v3/entity/mlModel?async=false", new JsonArray(patch));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(response))[0]!["mlModelProperties"]!["value"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["x", "y"]);

        // Keyed by arrayPrimaryKeys (an array of strings is keyed by the string itself): /tags/z adds z.
        patch["mlModelProperties"]!["value"]!["arrayPrimaryKeys"] = new JsonObject { ["tags"] = new JsonArray() };
        patch["mlModelProperties"]!["value"]!["patch"] = new JsonArray(new JsonObject { ["op"] = "add", ["path"] = "/tags/z", ["value"] = "z" });
        var keyed = await _gms.Send(HttpMethod.Patch, "/openapi/v3/entity/mlModel?async=false", new JsonArray(patch.DeepClone()));
        keyed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(keyed))[0]!["mlModelProperties"]!["value"]!["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["x", "y", "z"]);

        patch["mlModelProperties"]!["value"]!["patch"]![0]!["op"] = "frobnicate";
        var bad = await _gms.Send(HttpMethod.Patch, "/openapi/v3/entity/mlModel?async=false", new JsonArray(patch.DeepClone()));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(bad))["path"]!.GetValue<string>().ShouldBe("[0].mlModelProperties.value.patch[0].op");
    }

    [Fact]
    public async Task one_aspect_can_be_written_on_its_own_path_and_create_refuses_to_overwrite()
    {
        var path = $"/openapi/v3/entity/mlModel/{DataHubWire.Quote(Model())}/mlModelProperties";
        var body = new JsonObject { ["value"] = new JsonObject { ["description"] = "alone" } };
        (await _gms.Send(HttpMethod.Post, path + "?async=false", body)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(await _gms.Send(HttpMethod.Get, path)))["value"]!["description"]!.GetValue<string>().ShouldBe("alone");
        (await _gms.Send(HttpMethod.Post, path + "?async=false&createIfNotExists=true", body.DeepClone())).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task delete_removes_an_aspect_or_the_entity_and_is_idempotent()
    {
        // DataHub's emitter puts the urn in the path as it is, slashes and all.
        var dataset = $"urn:li:dataset:(urn:li:dataPlatform:hdfs,/data/{_id}/events,PROD)";
        await Post("dataset", "?async=false",
            Item(dataset, ("datasetProperties", new JsonObject { ["description"] = "events" }),
                ("globalTags", new JsonObject { ["tags"] = new JsonArray(new JsonObject { ["tag"] = "urn:li:tag:raw" }) })));
        var encoded = $"/openapi/v3/entity/dataset/{DataHubWire.Quote(dataset)}";

        (await _gms.Send(HttpMethod.Delete, encoded + "/globalTags")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _gms.Send(HttpMethod.Get, encoded + "/globalTags")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _gms.Send(HttpMethod.Get, encoded + "/datasetProperties")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await _gms.Send(HttpMethod.Delete, $"/openapi/v3/entity/dataset/{dataset}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _gms.Send(HttpMethod.Get, encoded)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _gms.Send(HttpMethod.Delete, encoded)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

[Collection(SqliteApiCollection.Name)]
public sealed class sqlite_openapi_entity(SqliteApiFactory factory) : OpenApiEntityTests(factory);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_openapi_entity(Neo4jApiFactory factory) : OpenApiEntityTests(factory);
