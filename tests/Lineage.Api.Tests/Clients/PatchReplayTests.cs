using System.Net;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Clients;

/// <summary>
/// Replays the PATCH proposals DataHub's Python patch builders send (<c>Clients/Fixtures/patch/</c>, golden files of
/// DataHub's own unit tests) onto seeded aspects, and checks each result as DataHub's templates apply it: keyed
/// arrays merged by key, custom properties by name, fine-grained lineage re-keyed, absent aspects from the default.
/// </summary>
public abstract partial class PatchReplayTests(LineageApiFactory factory)
{
    private static readonly string FixtureRoot = Path.Combine(AppContext.BaseDirectory, "Clients", "Fixtures", "patch");

    private readonly DataHubWire _gms = new(factory.CreateClient());
    private readonly string _name = "fct_users_created" + Guid.NewGuid().ToString("N")[..10];

    private string Dataset(string platform, string name) => $"urn:li:dataset:(urn:li:dataPlatform:{platform},{name},PROD)";
    private string Self => Dataset("hive", _name);
    private string Upstream => Dataset("hive", _name + "_upstream");
    private const string S3 = "urn:li:dataset:(urn:li:dataPlatform:s3,my-bucket/my-folder/my-file.txt,PROD)";
    private static string Field(string dataset, string field) => $"urn:li:schemaField:({dataset},{field})";
    private static JsonNode Stamp(long time, string actor) => new JsonObject { ["time"] = time, ["actor"] = actor };

    [Fact]
    public async Task the_dataset_patch_builders_golden_proposals_merge_into_the_stored_aspects()
    {
        var other = Dataset("hive", _name + "_other");
        await _gms.UpsertAsync(Self, "datasetProperties", Parse("""{"description": "old", "customProperties": {"test_key_1": "was", "kept": "yes"}, "tags": []}"""));
        await _gms.UpsertAsync(Self, "globalTags", Parse("""{"tags": [{"tag": "urn:li:tag:existing"}]}"""));
        await _gms.UpsertAsync(Self, "upstreamLineage", new JsonObject
        {
            ["upstreams"] = new JsonArray(new JsonObject { ["dataset"] = other, ["type"] = "COPY", ["auditStamp"] = Stamp(5, "urn:li:corpuser:a") }),
            ["fineGrainedLineages"] = new JsonArray(new JsonObject
            {
                ["upstreamType"] = "FIELD_SET", ["upstreams"] = new JsonArray(Field(Upstream, "baz")),
                ["downstreamType"] = "FIELD", ["downstreams"] = new JsonArray(Field(Self, "foo")),
                ["transformOperation"] = "TRANSFORM", ["confidenceScore"] = 0.5,
            }),
        });
        await _gms.UpsertAsync(Self, "editableSchemaMetadata", new JsonObject
        {
            ["created"] = Stamp(1, "urn:li:corpuser:a"), ["lastModified"] = Stamp(1, "urn:li:corpuser:a"),
            ["editableSchemaFieldInfo"] = Parse("""
                [{"fieldPath": "field1", "description": "d", "globalTags": {"tags": [{"tag": "urn:li:tag:old"}]}},
                 {"fieldPath": "field2", "description": "e"}]
                """),
        });

        foreach (var proposal in await GoldenAsync("complex_dataset_patch.json")) await EmitOkAsync(proposal);

        await ShouldBeStored(Self, "datasetProperties", "com.linkedin.dataset.DatasetProperties", Parse("""
            {"description": "test description", "tags": [],
             "customProperties": {"test_key_1": "test_value_1", "kept": "yes", "test_key_2": "test_value_2"}}
            """));
        await ShouldBeStored(Self, "globalTags", "com.linkedin.common.GlobalTags",
            Parse("""{"tags": [{"tag": "urn:li:tag:existing"}, {"tag": "urn:li:tag:test_tag"}]}"""));
        await ShouldBeStored(Self, "upstreamLineage", "com.linkedin.dataset.UpstreamLineage", new JsonObject
        {
            ["upstreams"] = new JsonArray(
                new JsonObject { ["dataset"] = other, ["type"] = "COPY", ["auditStamp"] = Stamp(5, "urn:li:corpuser:a") },
                new JsonObject { ["auditStamp"] = Stamp(0, "urn:li:corpuser:unknown"), ["dataset"] = Upstream, ["type"] = "TRANSFORMED" },
                new JsonObject { ["auditStamp"] = Stamp(0, "urn:li:corpuser:unknown"), ["dataset"] = S3, ["type"] = "TRANSFORMED" }),
            ["fineGrainedLineages"] = new JsonArray(
                // The added upstream joins the stored one under (TRANSFORM, foo, no query); the lowest confidence wins.
                new JsonObject
                {
                    ["downstreams"] = new JsonArray(Field(Self, "foo")),
                    ["upstreams"] = new JsonArray(Field(Upstream, "baz"), Field(Upstream, "bar")),
                    ["upstreamType"] = "FIELD_SET", ["downstreamType"] = "FIELD", ["confidenceScore"] = 0.5, ["transformOperation"] = "TRANSFORM",
                },
                new JsonObject
                {
                    ["downstreams"] = new JsonArray(Field(Self, "foo")),
                    ["upstreams"] = new JsonArray(Field(S3, "foo")),
                    ["upstreamType"] = "FIELD_SET", ["downstreamType"] = "FIELD", ["confidenceScore"] = 1.0, ["transformOperation"] = "NONE",
                }),
        });
        await ShouldBeStored(Self, "editableSchemaMetadata", "com.linkedin.schema.EditableSchemaMetadata", new JsonObject
        {
            ["created"] = Stamp(1, "urn:li:corpuser:a"), ["lastModified"] = Stamp(1, "urn:li:corpuser:a"),
            ["editableSchemaFieldInfo"] = Parse("""
                [{"fieldPath": "field1", "description": "d", "globalTags": {"tags": [{"tag": "urn:li:tag:old"}, {"tag": "urn:li:tag:tag1"}]}},
                 {"fieldPath": "field2", "description": "e"}]
                """),
        });
    }

    [Fact]
    public async Task the_chart_and_dashboard_builders_tag_a_stored_aspect_and_an_absent_one()
    {
        var proposals = await GoldenAsync("basic_chart_dashboard_patch.json");
        var chart = proposals[0]["entityUrn"]!.GetValue<string>();
        var dashboard = proposals[1]["entityUrn"]!.GetValue<string>();
        await _gms.UpsertAsync(chart, "globalTags", Parse("""{"tags": [{"tag": "urn:li:tag:a"}]}"""));

        foreach (var proposal in proposals) await EmitOkAsync(proposal);

        await ShouldBeStored(chart, "globalTags", "com.linkedin.common.GlobalTags",
            Parse("""{"tags": [{"tag": "urn:li:tag:a"}, {"tag": "urn:li:tag:test_tag"}]}"""));
        // Nothing was stored: the patch starts from GlobalTags' default, {"tags": []}.
        await ShouldBeStored(dashboard, "globalTags", "com.linkedin.common.GlobalTags", Parse("""{"tags": [{"tag": "urn:li:tag:test_tag"}]}"""));
    }

    /// <summary>
    /// DataJobPatchBuilder (<c>metadata-ingestion/src/datahub/specific/datajob.py</c> at 002baa56a7b5067c9a8aa91f75d58ac727e26c15;
    /// DataHub keeps no golden file for it): <c>add_input_dataset</c> and <c>add_output_dataset</c> key the edge by the
    /// URL-quoted urn, <c>remove_output_dataset</c> by the plain urn, custom properties by name.
    /// </summary>
    [Fact]
    public async Task the_datajob_builders_edges_and_custom_properties_merge_into_the_stored_aspects()
    {
        var job = $"urn:li:dataJob:(urn:li:dataFlow:(airflow,{_name},PROD),task)";
        var (a, b, c) = (Dataset("hive", "a"), Dataset("hive", "b"), Dataset("hive", "c"));
        var stamp = Stamp(1718000000000, "urn:li:corpuser:datahub");
        await _gms.UpsertAsync(job, "dataJobInfo", Parse("""{"name": "task", "type": {"string": "COMMAND"}, "customProperties": {"kept": "yes"}}"""));
        await _gms.UpsertAsync(job, "dataJobInputOutput", new JsonObject
        {
            ["inputDatasets"] = new JsonArray(), ["outputDatasets"] = new JsonArray(),
            ["inputDatasetEdges"] = new JsonArray(new JsonObject { ["destinationUrn"] = a }),
        });

        await EmitOkAsync(DataHubWire.Proposal(job, "dataJobInputOutput", new JsonArray(
            new JsonObject
            {
                ["op"] = "add", ["path"] = "/inputDatasetEdges/urn%3Ali%3Adataset%3A%28urn%3Ali%3AdataPlatform%3Ahive%2Cb%2CPROD%29",
                ["value"] = new JsonObject { ["destinationUrn"] = b, ["created"] = stamp.DeepClone(), ["lastModified"] = stamp.DeepClone() },
            },
            new JsonObject
            {
                ["op"] = "add", ["path"] = "/outputDatasetEdges/urn%3Ali%3Adataset%3A%28urn%3Ali%3AdataPlatform%3Ahive%2Cc%2CPROD%29",
                ["value"] = new JsonObject { ["destinationUrn"] = c, ["created"] = stamp.DeepClone(), ["lastModified"] = stamp.DeepClone() },
            },
            new JsonObject { ["op"] = "remove", ["path"] = $"/outputDatasetEdges/{Dataset("hive", "gone")}", ["value"] = new JsonObject() }), "PATCH"));
        await EmitOkAsync(DataHubWire.Proposal(job, "dataJobInfo",
            Parse("""[{"op": "add", "path": "/customProperties/team", "value": "ml"}]"""), "PATCH"));

        await ShouldBeStored(job, "dataJobInputOutput", "com.linkedin.datajob.DataJobInputOutput", new JsonObject
        {
            ["inputDatasets"] = new JsonArray(), ["outputDatasets"] = new JsonArray(),
            ["inputDatasetEdges"] = new JsonArray(
                new JsonObject { ["destinationUrn"] = a },
                new JsonObject { ["destinationUrn"] = b, ["created"] = stamp.DeepClone(), ["lastModified"] = stamp.DeepClone() }),
            ["outputDatasetEdges"] = new JsonArray(
                new JsonObject { ["destinationUrn"] = c, ["created"] = stamp.DeepClone(), ["lastModified"] = stamp.DeepClone() }),
            // Every array the template keys is present after a patch, [] when empty.
            ["inputDatajobEdges"] = new JsonArray(), ["inputDatasetFields"] = new JsonArray(), ["outputDatasetFields"] = new JsonArray(),
            ["fineGrainedLineages"] = new JsonArray(),
        });
        await ShouldBeStored(job, "dataJobInfo", "com.linkedin.datajob.DataJobInfo",
            Parse("""{"name": "task", "type": {"string": "COMMAND"}, "customProperties": {"kept": "yes", "team": "ml"}}"""));
    }

    [Fact]
    public async Task removing_absent_keys_changes_nothing_and_an_owner_path_removes_every_type()
    {
        await _gms.UpsertAsync(Self, "ownership", Parse("""
            {"owners": [{"owner": "urn:li:corpuser:a", "type": "TECHNICAL_OWNER"}, {"owner": "urn:li:corpuser:a", "type": "DATA_STEWARD"},
                        {"owner": "urn:li:corpuser:b", "type": "TECHNICAL_OWNER"}],
             "lastModified": {"time": 1, "actor": "urn:li:corpuser:x"}}
            """));

        await EmitOkAsync(DataHubWire.Proposal(Self, "ownership", Parse("""
            [{"op": "remove", "path": "/owners/urn:li:corpuser:a", "value": {}},
             {"op": "remove", "path": "/owners/urn:li:corpuser:nobody/TECHNICAL_OWNER", "value": {}},
             {"op": "add", "path": "/owners/urn:li:corpuser:c/BUSINESS_OWNER", "value": {"owner": "urn:li:corpuser:c", "type": "BUSINESS_OWNER"}}]
            """), "PATCH"));

        await ShouldBeStored(Self, "ownership", "com.linkedin.common.Ownership", Parse("""
            {"owners": [{"owner": "urn:li:corpuser:b", "type": "TECHNICAL_OWNER"}, {"owner": "urn:li:corpuser:c", "type": "BUSINESS_OWNER"}],
             "lastModified": {"time": 1, "actor": "urn:li:corpuser:x"}}
            """));
    }

    [Fact]
    public async Task a_bad_operation_is_a_400_naming_it_and_the_batch_writes_nothing()
    {
        await _gms.UpsertAsync(Self, "globalTags", Parse("""{"tags": [{"tag": "urn:li:tag:a"}]}"""));

        var response = await _gms.EmitBatchAsync(
            DataHubWire.Proposal(Self, "globalTags", Parse("""[{"op": "add", "path": "/tags/urn:li:tag:b", "value": {"tag": "urn:li:tag:b"}}]"""), "PATCH"),
            DataHubWire.Proposal(Self, "datasetProperties", Parse("""
                {"patch": [{"op": "add", "path": "/description", "value": "x"}, {"op": "move", "path": "/name"}], "forceGenericPatch": false}
                """), "PATCH"));

        var error = await DataHubWire.ErrorAsync(response, HttpStatusCode.BadRequest);
        error.ToJsonString().ShouldContain("proposals[1].aspect.value.patch[1].from");
        await ShouldBeStored(Self, "globalTags", "com.linkedin.common.GlobalTags", Parse("""{"tags": [{"tag": "urn:li:tag:a"}]}"""));
    }

    [Fact]
    public async Task openapi_v3_patch_takes_the_envelope_with_array_primary_keys_and_the_bare_array()
    {
        var model = $"urn:li:mlModel:(urn:li:dataPlatform:sagemaker,{_name},PROD)";
        const string propA = "urn:li:structuredProperty:io.acryl.risk_verdict", propB = "urn:li:structuredProperty:io.acryl.last_checked";
        await _gms.UpsertAsync(model, "structuredProperties", new JsonObject
        {
            ["properties"] = new JsonArray(
                new JsonObject { ["propertyUrn"] = propA, ["values"] = Parse("""[{"string": "ALLOW"}]""") },
                new JsonObject { ["propertyUrn"] = propB, ["values"] = Parse("""[{"string": "2023-01-01"}]""") }),
        });

        // As MLModelPatchBuilder.set_structured_property sends it: remove then add, keyed by propertyUrn.
        var body = new JsonArray(new JsonObject
        {
            ["urn"] = model,
            ["structuredProperties"] = new JsonObject
            {
                ["value"] = new JsonObject
                {
                    ["patch"] = Parse($$$"""
                        [{"op": "remove", "path": "/properties/{{{propA}}}", "value": {}},
                         {"op": "add", "path": "/properties/{{{propA}}}", "value": {"propertyUrn": "{{{propA}}}", "values": [{"string": "BLOCK"}]}}]
                        """),
                    ["arrayPrimaryKeys"] = new JsonObject { ["properties"] = new JsonArray("propertyUrn") },
                    ["forceGenericPatch"] = false,
                },
            },
            ["globalTags"] = new JsonObject
            {
                ["value"] = Parse("""[{"op": "add", "path": "/tags/urn:li:tag:production", "value": {"tag": "urn:li:tag:production"}}]"""),
            },
        });
        var response = await _gms.Send(HttpMethod.Patch, "/openapi/v3/entity/mlModel?async=false", body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());

        await ShouldBeStored(model, "structuredProperties", "com.linkedin.structured.StructuredProperties", new JsonObject
        {
            ["properties"] = new JsonArray(
                new JsonObject { ["propertyUrn"] = propB, ["values"] = Parse("""[{"string": "2023-01-01"}]""") },
                new JsonObject { ["propertyUrn"] = propA, ["values"] = Parse("""[{"string": "BLOCK"}]""") }),
        });
        await ShouldBeStored(model, "globalTags", "com.linkedin.common.GlobalTags", Parse("""{"tags": [{"tag": "urn:li:tag:production"}]}"""));
    }

    /// <summary>The golden proposals as the REST emitter sends them: operations serialised into <c>aspect.value</c>.</summary>
    private Task<List<JsonObject>> GoldenAsync(string file) => GoldenAsync(file, "fct_users_created", _name);

    /// <summary>The golden proposals with <paramref name="name"/> (in their URNs) replaced, so each run mints its own.</summary>
    private async Task<List<JsonObject>> GoldenAsync(string file, string name, string replacement)
    {
        var text = (await File.ReadAllTextAsync(Path.Combine(FixtureRoot, file))).Replace(name, replacement);
        var proposals = JsonNode.Parse(text)!.AsArray().Select(p => p!.AsObject()).ToList();
        foreach (var proposal in proposals)
        {
            var aspect = proposal["aspect"]!.AsObject();
            if (aspect["json"] is { } operations)
                proposal["aspect"] = new JsonObject { ["value"] = operations.ToJsonString(), ["contentType"] = "application/json-patch+json" };
        }
        return proposals;
    }

    private async Task EmitOkAsync(JsonObject proposal)
    {
        var response = await _gms.EmitAsync(proposal.DeepClone().AsObject());
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{proposal["aspectName"]}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task ShouldBeStored(string urn, string aspect, string schemaClass, JsonNode expected)
    {
        var actual = await _gms.GetAspectAsync(urn, aspect, schemaClass);
        actual.ShouldNotBeNull($"{aspect} of {urn} is not stored");
        JsonNode.DeepEquals(actual, expected).ShouldBeTrue($"{aspect}:\n  stored   {actual.ToJsonString()}\n  expected {expected.ToJsonString()}");
    }

    private static JsonNode Parse(string json) => JsonNode.Parse(json)!;
}

[Collection(SqliteApiCollection.Name)]
public sealed class sqlite_patch_replay(SqliteApiFactory factory) : PatchReplayTests(factory);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_patch_replay(Neo4jApiFactory factory) : PatchReplayTests(factory);
