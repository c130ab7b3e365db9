using System.Net;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Entities;

/// <summary>Change types, versions, deletes and reads through the Rest.li endpoints.</summary>
public abstract class ReadWriteTests(LineageApiFactory factory)
{
    private readonly DataHubWire _gms = new(factory.CreateClient());
    private readonly string _id = Guid.NewGuid().ToString("N")[..10];

    private string Model(string name = "m") => $"urn:li:mlModel:(urn:li:dataPlatform:science,{name}_{_id},PROD)";
    private string Group(string name = "g") => $"urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,{name}_{_id},PROD)";
    private const string Properties = "com.linkedin.ml.metadata.MLModelProperties";

    [Fact]
    public async Task unknown_urns_are_404_with_a_json_error_on_every_read()
    {
        var urn = DataHubWire.Quote(Model("never"));
        foreach (var path in new[] { $"/entities/{urn}", $"/entitiesV2/{urn}", $"/aspects/{urn}?aspect=mlModelProperties&version=0" })
        {
            var response = await _gms.Send(HttpMethod.Get, path);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
            JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]!.GetValue<string>().ShouldContain(Model("never"));
        }
    }

    [Fact]
    public async Task the_telemetry_read_clients_make_on_connecting_is_a_404()
    {
        var response = await _gms.Send(HttpMethod.Get, "/aspects/urn%3Ali%3Atelemetry%3AclientId?aspect=telemetryClientId&version=0");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task config_says_no_code_as_the_string_true_with_a_parseable_version()
    {
        var config = await DataHubWire.ReadObjectAsync(await _gms.Send(HttpMethod.Get, "/config"));
        config["noCode"]!.GetValue<string>().ShouldBe("true");
        config["versions"]!["acryldata/datahub"]!["version"]!.GetValue<string>().ShouldMatch(@"^v?\d+\.\d+\.\d+");
        (await _gms.Send(HttpMethod.Get, "/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task every_change_is_a_version_and_an_identical_rewrite_is_not()
    {
        await _gms.UpsertAsync(Model(), "mlModelProperties", new JsonObject { ["description"] = "one" });
        await _gms.UpsertAsync(Model(), "mlModelProperties", new JsonObject { ["description"] = "two" });
        await _gms.UpsertAsync(Model(), "mlModelProperties", new JsonObject { ["description"] = "two" });

        (await _gms.GetAspectAsync(Model(), "mlModelProperties", Properties, 0))!["description"]!.GetValue<string>().ShouldBe("two");
        (await _gms.GetAspectAsync(Model(), "mlModelProperties", Properties, 1))!["description"]!.GetValue<string>().ShouldBe("one");
        (await _gms.GetAspectAsync(Model(), "mlModelProperties", Properties, 2)).ShouldBeNull();
    }

    [Fact]
    public async Task history_lists_every_kept_version_of_each_aspect_latest_first_with_when_and_by_whom()
    {
        await _gms.UpsertAsync(Model(), "mlModelProperties", new JsonObject { ["description"] = "one" });
        await _gms.UpsertAsync(Model(), "mlModelProperties", new JsonObject { ["description"] = "two" });
        await _gms.UpsertAsync(Model(), "status", new JsonObject { ["removed"] = false });

        var history = await DataHubWire.ReadObjectAsync(await _gms.Send(HttpMethod.Get, $"/api/v1/history?urn={DataHubWire.Quote(Model())}"));
        var aspects = history["aspects"]!.AsArray();
        // dataPlatformInstance is the default aspect the write path adds, as DataHub does.
        aspects.Select(a => a!["name"]!.GetValue<string>()).ShouldBe(["dataPlatformInstance", "mlModelProperties", "status"]);
        var versions = aspects.Single(a => a!["name"]!.GetValue<string>() == "mlModelProperties")!["versions"]!.AsArray();
        versions.Select(v => (v!["version"]!.GetValue<long>(), v["value"]!["description"]!.GetValue<string>())).ShouldBe([(0L, "two"), (1L, "one")]);
        versions.ShouldAllBe(v => v!["createdBy"]!.GetValue<string>().StartsWith("urn:li:corpuser:"));
        versions.ShouldAllBe(v => DateTimeOffset.Parse(v!["createdAt"]!.GetValue<string>()) > DateTimeOffset.UtcNow.AddHours(-1));

        var one = await DataHubWire.ReadObjectAsync(await _gms.Send(HttpMethod.Get, $"/api/v1/history?urn={DataHubWire.Quote(Model())}&aspect=status"));
        one["aspects"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()).ShouldBe(["status"]);
        (await _gms.Send(HttpMethod.Get, $"/api/v1/history?urn={DataHubWire.Quote(Model("never"))}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var unknown = await _gms.Send(HttpMethod.Get, $"/api/v1/history?urn={DataHubWire.Quote(Model())}&aspect=datasetProperties");
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("datasetProperties");
    }

    [Fact]
    public async Task create_fails_with_409_when_the_aspect_exists()
    {
        (await _gms.EmitAsync(Model(), "mlModelProperties", new JsonObject { ["description"] = "a" }, "CREATE")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var again = await _gms.EmitAsync(Model(), "mlModelProperties", new JsonObject { ["description"] = "b" }, "CREATE");
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await _gms.GetAspectAsync(Model(), "mlModelProperties", Properties))!["description"]!.GetValue<string>().ShouldBe("a");
    }

    [Fact]
    public async Task if_version_match_writes_only_over_the_expected_version()
    {
        await _gms.UpsertAsync(Model(), "mlModelProperties", new JsonObject { ["description"] = "a" });
        var stale = DataHubWire.Proposal(Model(), "mlModelProperties", new JsonObject { ["description"] = "b" },
            headers: new JsonObject { ["If-Version-Match"] = "7" });
        (await _gms.EmitAsync(stale)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);

        var current = DataHubWire.Proposal(Model(), "mlModelProperties", new JsonObject { ["description"] = "c" },
            headers: new JsonObject { ["If-Version-Match"] = "1" });
        (await _gms.EmitAsync(current)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _gms.GetAspectAsync(Model(), "mlModelProperties", Properties))!["description"]!.GetValue<string>().ShouldBe("c");
    }

    [Fact]
    public async Task patch_applies_json_patch_operations_to_the_stored_aspect()
    {
        await _gms.UpsertAsync(Model(), "mlModelProperties", new JsonObject { ["description"] = "a", ["groups"] = new JsonArray(Group("one")) });
        var patch = JsonNode.Parse($$"""
            [{"op": "add", "path": "/groups/-", "value": "{{Group("two")}}"},
             {"op": "replace", "path": "/description", "value": "patched"}]
            """);
        (await _gms.EmitAsync(Model(), "mlModelProperties", patch, "PATCH")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var value = await _gms.GetAspectAsync(Model(), "mlModelProperties", Properties);
        value!["description"]!.GetValue<string>().ShouldBe("patched");
        value["groups"]!.AsArray().Select(g => g!.GetValue<string>()).ShouldBe([Group("one"), Group("two")]);
        var members = await DataHubWire.ReadObjectAsync(await _gms.Send(HttpMethod.Get,
            $"/relationships?direction=INCOMING&urn={DataHubWire.Quote(Group("two"))}&types=MemberOf"));
        members["total"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task a_patch_that_makes_the_aspect_invalid_is_refused()
    {
        await _gms.UpsertAsync(Model(), "mlModelProperties", new JsonObject { ["description"] = "a" });
        var patch = JsonNode.Parse("""[{"op": "add", "path": "/groups", "value": ["urn:li:corpuser:x"]}]""");
        var response = await _gms.EmitAsync(Model(), "mlModelProperties", patch, "PATCH");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("mlModelProperties.groups[0]");
    }

    [Fact]
    public async Task deleting_an_aspect_removes_it_and_its_edges()
    {
        await _gms.UpsertAsync(Model(), "mlModelProperties", new JsonObject { ["groups"] = new JsonArray(Group()) });
        await _gms.UpsertAsync(Model(), "globalTags", JsonNode.Parse("""{"tags": [{"tag": "urn:li:tag:t"}]}""")!);
        (await _gms.EmitAsync(Model(), "mlModelProperties", null, "DELETE")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await _gms.GetAspectAsync(Model(), "mlModelProperties", Properties)).ShouldBeNull();
        var members = await DataHubWire.ReadObjectAsync(await _gms.Send(HttpMethod.Get,
            $"/relationships?direction=INCOMING&urn={DataHubWire.Quote(Group())}&types=MemberOf"));
        members["total"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task hard_delete_removes_the_entity_but_not_references_to_it()
    {
        await _gms.UpsertAsync(Group(), "mlModelGroupProperties", new JsonObject { ["name"] = "g" });
        await _gms.UpsertAsync(Model(), "mlModelProperties", new JsonObject { ["groups"] = new JsonArray(Group()) });

        var delete = await _gms.Send(HttpMethod.Post, "/entities?action=delete", new JsonObject { ["urn"] = Group() });
        delete.StatusCode.ShouldBe(HttpStatusCode.OK);

        (await _gms.Send(HttpMethod.Get, $"/entities/{DataHubWire.Quote(Group())}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var members = await DataHubWire.ReadObjectAsync(await _gms.Send(HttpMethod.Get,
            $"/relationships?direction=INCOMING&urn={DataHubWire.Quote(Group())}&types=MemberOf"));
        members["relationships"]![0]!["entity"]!.GetValue<string>().ShouldBe(Model());
        (await _gms.Send(HttpMethod.Post, "/entities?action=delete", new JsonObject { ["urn"] = Group() }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task hard_delete_takes_the_entitys_aspects_their_history_and_its_outgoing_edges()
    {
        await _gms.UpsertAsync(Model(), "mlModelProperties", new JsonObject { ["description"] = "one", ["groups"] = new JsonArray(Group()) });
        await _gms.UpsertAsync(Model(), "mlModelProperties", new JsonObject { ["description"] = "two", ["groups"] = new JsonArray(Group()) });
        await _gms.UpsertAsync(Model(), "globalTags", JsonNode.Parse("""{"tags": [{"tag": "urn:li:tag:gone"}]}""")!);

        (await _gms.Send(HttpMethod.Post, "/entities?action=delete", new JsonObject { ["urn"] = Model() })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await _gms.Send(HttpMethod.Get, $"/entities/{DataHubWire.Quote(Model())}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var members = await DataHubWire.ReadObjectAsync(await _gms.Send(HttpMethod.Get,
            $"/relationships?direction=INCOMING&urn={DataHubWire.Quote(Group())}&types=MemberOf"));
        members["total"]!.GetValue<int>().ShouldBe(0);
        var tagged = await DataHubWire.ReadObjectAsync(await _gms.Send(HttpMethod.Get,
            $"/relationships?direction=INCOMING&urn={DataHubWire.Quote("urn:li:tag:gone")}&types=TaggedWith"));
        tagged["relationships"]!.AsArray().Select(r => r!["entity"]!.GetValue<string>()).ShouldNotContain(Model());
        // Written again, the entity starts over: no version of the old history comes back.
        await _gms.UpsertAsync(Model(), "mlModelProperties", new JsonObject { ["description"] = "three" });
        (await _gms.GetAspectAsync(Model(), "mlModelProperties", Properties, 1)).ShouldBeNull();
        (await _gms.GetAspectAsync(Model(), "globalTags", "com.linkedin.common.GlobalTags")).ShouldBeNull();
    }

    [Fact]
    public async Task soft_deleted_entities_are_hidden_from_relationships_unless_asked_for()
    {
        await _gms.UpsertAsync(Model("a"), "mlModelProperties", new JsonObject { ["groups"] = new JsonArray(Group()) });
        await _gms.UpsertAsync(Model("b"), "mlModelProperties", new JsonObject { ["groups"] = new JsonArray(Group()) });
        await _gms.UpsertAsync(Model("b"), "status", new JsonObject { ["removed"] = true });

        var query = $"/relationships?direction=INCOMING&urn={DataHubWire.Quote(Group())}&types=MemberOf";
        var visible = await DataHubWire.ReadObjectAsync(await _gms.Send(HttpMethod.Get, query));
        visible["relationships"]!.AsArray().Select(r => r!["entity"]!.GetValue<string>()).ShouldBe([Model("a")]);
        var all = await DataHubWire.ReadObjectAsync(await _gms.Send(HttpMethod.Get, query + "&includeRemoved=true"));
        all["total"]!.GetValue<int>().ShouldBe(2);
        (await _gms.GetAspectAsync(Model("b"), "mlModelProperties", Properties)).ShouldNotBeNull();
    }

    [Fact]
    public async Task relationships_take_several_types_and_page_with_start_and_count()
    {
        var job = $"urn:li:dataJob:(urn:li:dataFlow:(airflow,f_{_id},PROD),train)";
        await _gms.UpsertAsync(Model(), "mlModelProperties", new JsonObject
        {
            ["groups"] = new JsonArray(Group("a"), Group("b"), Group("c")),
            ["trainingJobs"] = new JsonArray(job),
        });
        var url = $"/relationships?direction=OUTGOING&urn={DataHubWire.Quote(Model())}&types=List(MemberOf,TrainedBy)";
        var page = await DataHubWire.ReadObjectAsync(await _gms.Send(HttpMethod.Get, url + "&start=1&count=2"));
        page["total"]!.GetValue<int>().ShouldBe(4);
        page["start"]!.GetValue<int>().ShouldBe(1);
        page["count"]!.GetValue<int>().ShouldBe(2);
        var everything = await DataHubWire.ReadObjectAsync(await _gms.Send(HttpMethod.Get, url));
        everything["relationships"]!.AsArray().Select(r => r!["type"]!.GetValue<string>()).ShouldContain("TrainedBy");

        var badCount = await _gms.Send(HttpMethod.Get, url + "&count=-1");
        badCount.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var badDirection = await _gms.Send(HttpMethod.Get, $"/relationships?direction=SIDEWAYS&urn={DataHubWire.Quote(Model())}");
        badDirection.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task urns_with_slashes_and_escaped_commas_round_trip_through_paths()
    {
        var dataset = $"urn:li:dataset:(urn:li:dataPlatform:s3,bucket/{_id}/a%2Cb.csv,PROD)";
        await _gms.UpsertAsync(dataset, "datasetProperties", new JsonObject { ["description"] = "csv" });
        var entity = await DataHubWire.ReadObjectAsync(await _gms.Send(HttpMethod.Get, $"/entitiesV2/{DataHubWire.Quote(dataset)}"));
        entity["urn"]!.GetValue<string>().ShouldBe(dataset);
        entity["aspects"]!["datasetKey"]!["value"]!["name"]!.GetValue<string>().ShouldBe($"bucket/{_id}/a,b.csv");
    }

    [Fact]
    public async Task entities_v2_returns_every_aspect_by_name_and_narrows_to_a_list()
    {
        await _gms.UpsertAsync(Group(), "mlModelGroupProperties", new JsonObject { ["name"] = "g" });
        await _gms.UpsertAsync(Group(), "globalTags", JsonNode.Parse("""{"tags": [{"tag": "urn:li:tag:t"}]}""")!);

        var all = await DataHubWire.ReadObjectAsync(await _gms.Send(HttpMethod.Get, $"/entitiesV2/{DataHubWire.Quote(Group())}"));
        all["entityName"]!.GetValue<string>().ShouldBe("mlModelGroup");
        var names = all["aspects"]!.AsObject().Select(a => a.Key).ToList();
        names.ShouldBe(["mlModelGroupKey", "dataPlatformInstance", "globalTags", "mlModelGroupProperties"], ignoreOrder: true);
        all["aspects"]!["mlModelGroupProperties"]!["value"]!["name"]!.GetValue<string>().ShouldBe("g");
        all["aspects"]!["dataPlatformInstance"]!["value"]!["platform"]!.GetValue<string>().ShouldBe("urn:li:dataPlatform:mlflow");

        var narrowed = await DataHubWire.ReadObjectAsync(await _gms.Send(HttpMethod.Get,
            $"/entitiesV2/{DataHubWire.Quote(Group())}?aspects=List(globalTags)"));
        narrowed["aspects"]!.AsObject().Select(a => a.Key).ShouldBe(["globalTags"]);
        var snapshot = await DataHubWire.ReadObjectAsync(await _gms.Send(HttpMethod.Get,
            $"/entities/{DataHubWire.Quote(Group())}?aspects=List(globalTags,mlModelGroupProperties)"));
        snapshot["value"]!["com.linkedin.metadata.snapshot.MLModelGroupSnapshot"]!["aspects"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task create_entity_makes_an_entity_from_its_key_and_fails_when_it_exists()
    {
        var key = new JsonObject { ["platform"] = "urn:li:dataPlatform:mlflow", ["name"] = $"g_{_id}", ["origin"] = "PROD" };
        var first = DataHubWire.Proposal(Group(), "mlModelGroupKey", key, "CREATE_ENTITY");
        var properties = DataHubWire.Proposal(Group(), "mlModelGroupProperties", new JsonObject { ["name"] = "g" }, "CREATE");
        (await _gms.EmitBatchAsync(first, properties)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _gms.GetAspectAsync(Group(), "mlModelGroupKey", "com.linkedin.metadata.key.MLModelGroupKey")).ShouldNotBeNull();

        var again = await _gms.EmitAsync(DataHubWire.Proposal(Group(), "mlModelGroupKey", key, "CREATE_ENTITY"));
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).ShouldContain("already exists");
    }
}

[Collection(SqliteApiCollection.Name)]
public sealed class sqlite_read_write(SqliteApiFactory factory) : ReadWriteTests(factory);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_read_write(Neo4jApiFactory factory) : ReadWriteTests(factory);
