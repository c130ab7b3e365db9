using System.Net;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;
using Lineage.Graph.Registry;

namespace Lineage.Api.Tests.SampleData;

/// <summary>
/// Issue 12: DataHub-format sample data loads through both snapshot endpoints, and the reads DataHub's tutorial and
/// clients make answer on it. The file keeps DataHub's own names, so every test loads it (loading again changes
/// nothing) and asserts only on entities the file alone writes.
/// </summary>
public abstract class SampleDataTests(LineageApiFactory factory)
{
    private readonly DataHubWire _gms = new(factory.CreateClient());
    private static readonly MetadataRegistry Registry = MetadataRegistry.Default;

    private static string Dataset(string platform, string name) => $"urn:li:dataset:(urn:li:dataPlatform:{platform},{name},PROD)";

    private static readonly string Kafka = Dataset("kafka", "SampleKafkaDataset");
    private static readonly string Hdfs = Dataset("hdfs", "SampleHdfsDataset");
    private static readonly string Hive = Dataset("hive", "SampleHiveDataset");
    private static readonly string Events = Dataset("hive", "logging_events");
    private static readonly string Created = Dataset("hive", "fct_users_created");
    private static readonly string Deleted = Dataset("hive", "fct_users_deleted");
    private const string Flow = "urn:li:dataFlow:(airflow,dag_abc,PROD)";
    private const string Job1 = $"urn:li:dataJob:({Flow},task_123)";
    private const string Job2 = $"urn:li:dataJob:({Flow},task_456)";
    private const string Model = "urn:li:mlModel:(urn:li:dataPlatform:science,scienceModel,PROD)";
    private const string FeatureTable = "urn:li:mlFeatureTable:(urn:li:dataPlatform:feast,test_feature_table_all_feature_dtypes)";
    private const string UserId = "urn:li:mlPrimaryKey:(user_features,user_id)";
    private const string UserFeatures = "urn:li:mlFeatureTable:(urn:li:dataPlatform:feast,user_features)";

    [Fact]
    public async Task the_file_loads_one_snapshot_and_one_proposal_at_a_time_and_every_aspect_reads_back()
    {
        await SampleFile.LoadOneByOneAsync(_gms);

        await EveryAspectReadsBackAsync();
    }

    [Fact]
    public async Task the_file_loads_in_one_batch_ingest_and_one_proposal_batch_and_every_aspect_reads_back()
    {
        await SampleFile.LoadInBatchesAsync(_gms);

        await EveryAspectReadsBackAsync();
    }

    private async Task EveryAspectReadsBackAsync()
    {
        foreach (var (urn, schemaClass) in SampleFile.SnapshotAspects)
        {
            var aspect = Registry.AspectByClass(schemaClass).ShouldNotBeNull(schemaClass);
            (await _gms.GetAspectAsync(urn, aspect.Name, schemaClass)).ShouldNotBeNull($"{urn} {aspect.Name}");
        }
        foreach (var proposal in SampleFile.Proposals)
        {
            var urn = proposal["entityUrn"]!.GetValue<string>();
            var aspect = Registry.Aspect(proposal["aspectName"]!.GetValue<string>()).ShouldNotBeNull();
            var read = await _gms.GetAspectAsync(urn, aspect.Name, aspect.SchemaClass);
            read.ShouldNotBeNull($"{urn} {aspect.Name}");
            if (!aspect.IsTimeseries)
                JsonNode.DeepEquals(read, JsonNode.Parse(proposal["aspect"]!["value"]!.GetValue<string>())).ShouldBeTrue($"{urn} {aspect.Name}: {read.ToJsonString()}");
        }
    }

    [Fact]
    public async Task get_aspect_answers_the_tutorials_reads_in_datahubs_shapes()
    {
        await SampleFile.LoadInBatchesAsync(_gms);

        var user = await _gms.GetAspectAsync("urn:li:corpuser:datahub", "corpUserInfo", "com.linkedin.identity.CorpUserInfo");
        user!["displayName"]!.GetValue<string>().ShouldBe("Data Hub");
        user.ContainsKey("managerUrn").ShouldBeFalse();

        var model = await _gms.GetAspectAsync(Model, "mlModelProperties", "com.linkedin.ml.metadata.MLModelProperties");
        model!["description"]!.GetValue<string>().ShouldBe("A sample model for predicting some outcome.");
        model["type"]!.GetValue<string>().ShouldBe("Naive Bayes classifier");
        model.ContainsKey("groups").ShouldBeFalse();
        (await _gms.GetAspectAsync(Model, "mlModelMetrics", "com.linkedin.ml.metadata.Metrics"))!["performanceMeasures"]![0]!
            .GetValue<string>().ShouldBe("performanceMeasures");
        (await _gms.GetAspectAsync(Model, "mlModelTrainingData", "com.linkedin.ml.metadata.TrainingData"))!["trainingData"]![0]!["motivation"]!
            .GetValue<string>().ShouldBe("For science!");
        var cost = await _gms.GetAspectAsync(Model, "cost", "com.linkedin.common.Cost");
        JsonNode.DeepEquals(cost, JsonNode.Parse("""{"costType": "ORG_COST_TYPE", "cost": {"costCode": "sampleCostCode"}}""")).ShouldBeTrue(cost!.ToJsonString());

        var table = await _gms.GetAspectAsync(FeatureTable, "mlFeatureTableProperties", "com.linkedin.ml.metadata.MLFeatureTableProperties");
        table!["mlFeatures"]!.AsArray().Select(f => f!.GetValue<string>())
            .ShouldContain("urn:li:mlFeature:(test_feature_table_all_feature_dtypes,test_BOOL_feature)");
        table["mlPrimaryKeys"]!.AsArray().Count.ShouldBe(2);

        var key = await _gms.GetAspectAsync(UserId, "mlPrimaryKeyProperties", "com.linkedin.ml.metadata.MLPrimaryKeyProperties");
        JsonNode.DeepEquals(key, JsonNode.Parse($$"""
            {"description": "User's internal ID", "dataType": "ORDINAL", "sources": ["{{Created}}"]}
            """)).ShouldBeTrue(key!.ToJsonString());
        var keyOfKey = await _gms.GetAspectAsync(UserId, "mlPrimaryKeyKey", "com.linkedin.metadata.key.MLPrimaryKeyKey");
        JsonNode.DeepEquals(keyOfKey, JsonNode.Parse("""{"featureNamespace": "user_features", "name": "user_id"}""")).ShouldBeTrue();

        var schema = await _gms.GetAspectAsync(Kafka, "schemaMetadata", "com.linkedin.schema.SchemaMetadata");
        schema!["fields"]![0]!["description"]!.GetValue<string>().ShouldBe("Foo field description");
        schema["platformSchema"]!.AsObject().Single().Key.ShouldBe("com.linkedin.schema.KafkaSchema");

        var chart = await _gms.GetAspectAsync("urn:li:chart:(looker,baz2)", "chartInfo", "com.linkedin.chart.ChartInfo");
        JsonNode.DeepEquals(chart!["inputs"], JsonNode.Parse($$"""[{"string": "{{Hdfs}}"}]""")).ShouldBeTrue(chart.ToJsonString());
    }

    [Fact]
    public async Task the_tutorials_graphql_reads_answer_on_the_sample_data()
    {
        await SampleFile.LoadInBatchesAsync(_gms);
        var graphql = new GraphQL.GraphQLClient(_gms.Http);

        var model = (await graphql.DataAsync($$"""
            query { mlModel(urn: "{{Model}}") { name properties { description version type groups { urn name } } } }
            """))["mlModel"]!;
        GraphQL.GraphQLClient.ShouldEqualJson(model, """
            {"name": "scienceModel", "properties": {"description": "A sample model for predicting some outcome.",
             "version": null, "type": "Naive Bayes classifier", "groups": []}}
            """);

        var table = (await graphql.DataAsync($$"""
            query { mlFeatureTable(urn: "{{FeatureTable}}") { name platform { name } properties { description mlFeatures { name } mlPrimaryKeys { name } } } }
            """))["mlFeatureTable"]!;
        GraphQL.GraphQLClient.ShouldEqualJson(table, """
            {"name": "test_feature_table_all_feature_dtypes", "platform": {"name": "feast"},
             "properties": {"description": null,
               "mlFeatures": [{"name": "test_BOOL_feature"}, {"name": "test_BYTES_LIST_feature"}, {"name": "test_DOUBLE_feature"},
                              {"name": "test_INT64_feature"}, {"name": "test_STRING_feature"}],
               "mlPrimaryKeys": [{"name": "dummy_entity_1"}, {"name": "dummy_entity_2"}]}}
            """);

        var key = (await graphql.DataAsync($$"""
            query { mlPrimaryKey(urn: "{{UserId}}") { name featureNamespace description dataType
                    properties { description dataType version { versionTag } sources { urn } } } }
            """))["mlPrimaryKey"]!;
        GraphQL.GraphQLClient.ShouldEqualJson(key, """
            {"name": "user_id", "featureNamespace": "user_features", "description": "User's internal ID", "dataType": "ORDINAL",
             "properties": {"description": "User's internal ID", "dataType": "ORDINAL", "version": null,
               "sources": [{"urn": "urn:li:dataset:(urn:li:dataPlatform:hive,fct_users_created,PROD)"}]}}
            """);
    }

    [Fact]
    public async Task the_dataset_lineage_the_file_implies_reads_upstream_to_kafka_and_downstream_to_the_dashboard()
    {
        await SampleFile.LoadInBatchesAsync(_gms);

        var upstream = await GetAsync($"/api/v1/lineage?urn={DataHubWire.Quote(Deleted)}&direction=upstream&maxHops=6");
        Nodes(upstream).ShouldBe(new Dictionary<string, int>
        {
            [Created] = 1, [Events] = 1, [Job2] = 1, [Job1] = 2, [Hive] = 2, [Hdfs] = 3, [Kafka] = 4,
        }, ignoreOrder: true);

        var downstream = Nodes(await GetAsync($"/api/v1/lineage?urn={DataHubWire.Quote(Kafka)}&direction=downstream&maxHops=10"));
        downstream[Hdfs].ShouldBe(1);
        downstream["urn:li:chart:(looker,baz1)"].ShouldBe(1);
        downstream["urn:li:dashboard:(looker,baz)"].ShouldBe(2);
        downstream[Deleted].ShouldBe(4);
        downstream["urn:li:mlFeature:(user_features,regions)"].ShouldBe(5);
        downstream[UserFeatures].ShouldBe(6);
    }

    [Fact]
    public async Task relationships_come_from_owners_tags_containment_group_membership_keys_and_tests()
    {
        await SampleFile.LoadInBatchesAsync(_gms);

        (await Related(Kafka, "OUTGOING", "OwnedBy")).ShouldBe(["urn:li:corpuser:datahub", "urn:li:corpuser:jdoe"]);
        (await Related("urn:li:corpGroup:bfoo", "INCOMING", "OwnedBy")).ShouldBe(["urn:li:dashboard:(looker,baz)"]);
        (await Related("urn:li:tag:Legacy", "INCOMING", "TaggedWith")).ShouldBe(["urn:li:chart:(looker,baz1)", Hive]);
        (await Related(Hive, "OUTGOING", "IsPartOf")).ShouldBe(["urn:li:container:SCHEMA"]);
        (await Related("urn:li:container:DATABASE", "INCOMING", "IsPartOf")).ShouldBe(["urn:li:container:SCHEMA"]);
        (await Related("urn:li:corpGroup:bfoo", "OUTGOING", "IsPartOf"))
            .ShouldBe(["urn:li:corpGroup:jdoe", "urn:li:corpuser:datahub", "urn:li:corpuser:jdoe"]);
        (await Related("urn:li:corpGroup:jdoe", "OUTGOING", "OwnedBy")).ShouldBe(["urn:li:corpuser:datahub", "urn:li:corpuser:jdoe"]);
        (await Related(UserFeatures, "OUTGOING", "KeyedBy")).ShouldBe([UserId, "urn:li:mlPrimaryKey:(user_features,user_name)"]);
        (await Related(UserId, "INCOMING", "KeyedBy")).ShouldBe([UserFeatures]);
        (await Related(Hive, "OUTGOING", "IsFailing")).ShouldBe(["urn:li:test:953001aa-fb7b-4a43-916f-3efd95ab9047"]);
        (await Related("urn:li:dashboard:(looker,baz)", "OUTGOING", "Contains"))
            .ShouldBe(["urn:li:chart:(looker,baz1)", "urn:li:chart:(looker,baz2)"]);
    }

    [Fact]
    public async Task dataset_profiles_are_kept_by_time_read_newest_first_and_the_aspect_reads_as_the_newest()
    {
        await SampleFile.LoadOneByOneAsync(_gms);

        var all = await TimeseriesAsync(new JsonObject { ["urn"] = Hive, ["entity"] = "dataset", ["aspect"] = "datasetProfile" });
        all["entityName"]!.GetValue<string>().ShouldBe("dataset");
        Profiles(all).ShouldBe([(1629097200000L, 4500L), (1629010800000L, 3500L)]);
        all["values"]![0]!["aspect"]!["contentType"]!.GetValue<string>().ShouldBe("application/json");

        var older = await TimeseriesAsync(new JsonObject
        {
            ["urn"] = Hive, ["entity"] = "dataset", ["aspect"] = "datasetProfile", ["endTimeMillis"] = 1629097199999L, ["limit"] = 5,
        });
        Profiles(older).ShouldBe([(1629010800000L, 3500L)]);

        var latest = await _gms.GetAspectAsync(Hive, "datasetProfile", "com.linkedin.dataset.DatasetProfile");
        latest!["rowCount"]!.GetValue<long>().ShouldBe(4500);
        var entity = await GetAsync($"/entitiesV2/{DataHubWire.Quote(Hive)}?aspects=List(datasetProfile,datasetUsageStatistics)");
        entity["aspects"]!["datasetProfile"]!["value"]!["timestampMillis"]!.GetValue<long>().ShouldBe(1629097200000);
        entity["aspects"]!["datasetUsageStatistics"]!["value"]!["uniqueUserCount"]!.GetValue<int>().ShouldBe(1);

        var usage = await TimeseriesAsync(new JsonObject { ["urn"] = Hive, ["entity"] = "dataset", ["aspect"] = "datasetUsageStatistics" });
        usage["values"]![0]!["systemMetadata"]!["runId"]!.GetValue<string>().ShouldBe("test-bigquery-usage");
        var runs = await TimeseriesAsync(new JsonObject
        {
            ["urn"] = "urn:li:dataProcessInstance:dag_abc_task_123_run_1", ["aspect"] = "dataProcessInstanceRunEvent", ["latestValue"] = true,
        });
        JsonNode.Parse(runs["values"]![0]!["aspect"]!["value"]!.GetValue<string>())!["status"]!.GetValue<string>().ShouldBe("COMPLETE");
    }

    [Fact]
    public async Task a_filter_on_a_timeseries_read_keeps_the_values_whose_field_matches()
    {
        await SampleFile.LoadInBatchesAsync(_gms);

        var filtered = await TimeseriesAsync(new JsonObject
        {
            ["urn"] = Hive, ["entity"] = "dataset", ["aspect"] = "datasetProfile", ["limit"] = 1,
            ["filter"] = JsonNode.Parse("""{"or": [{"and": [{"field": "rowCount", "values": ["3500"], "condition": "EQUAL"}]}]}"""),
        });

        Profiles(filtered).ShouldBe([(1629010800000L, 3500L)]);
    }

    [Fact]
    public async Task a_bad_aspect_in_a_batch_is_a_400_naming_its_path_and_nothing_of_the_batch_is_written()
    {
        var good = Dataset("hive", $"good_{Guid.NewGuid():N}");
        var bad = Dataset("hive", $"bad_{Guid.NewGuid():N}");
        var response = await _gms.Send(HttpMethod.Post, "/entities?action=batchIngest", JsonNode.Parse($$"""
            {"entities": [
              {"value": {"com.linkedin.metadata.snapshot.DatasetSnapshot": {"urn": "{{good}}", "aspects": [
                {"com.linkedin.common.Status": {"removed": false} } ] } } },
              {"value": {"com.linkedin.metadata.snapshot.DatasetSnapshot": {"urn": "{{bad}}", "aspects": [
                {"com.linkedin.common.Status": {"removed": false} },
                {"com.linkedin.common.Ownership": {"owners": [{"owner": "urn:li:tag:nobody", "type": "DATAOWNER"} ] } } ] } } }
            ]}
            """));

        var error = await DataHubWire.ErrorAsync(response, HttpStatusCode.BadRequest);
        error["path"]!.GetValue<string>()
            .ShouldBe("entities[1].value.com.linkedin.metadata.snapshot.DatasetSnapshot.aspects[1].com.linkedin.common.Ownership.owners[0].owner");
        error["message"]!.GetValue<string>().ShouldContain("corpuser or corpGroup urn");
        (await _gms.Send(HttpMethod.Get, $"/entitiesV2/{DataHubWire.Quote(good)}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"entity": {"value": {"com.linkedin.metadata.snapshot.NoSuchSnapshot": {"urn": "urn:li:tag:t", "aspects": []}}}}""",
        "entity.value.com.linkedin.metadata.snapshot.NoSuchSnapshot", "unknown snapshot class")]
    [InlineData("""{"entity": {"value": {"com.linkedin.metadata.snapshot.TagSnapshot": {"urn": "urn:li:corpuser:t", "aspects": []}}}}""",
        "entity.value.com.linkedin.metadata.snapshot.TagSnapshot.urn", "names entity type 'tag', which does not match the urn's entity type 'corpuser'")]
    [InlineData("""{"entity": {"value": {"com.linkedin.metadata.snapshot.TagSnapshot": {"urn": "urn:li:tag:t", "aspects": [{"com.linkedin.ml.metadata.Metrics": {}}]}}}}""",
        "entity.value.com.linkedin.metadata.snapshot.TagSnapshot.aspects[0].com.linkedin.ml.metadata.Metrics", "tag does not accept mlModelMetrics")]
    [InlineData("""{"entity": {"value": {"com.linkedin.metadata.snapshot.TagSnapshot": {"urn": "urn:li:tag:t", "aspects": [{"com.linkedin.tag.TagProperties": {"name": 3}}]}}}}""",
        "entity.value.com.linkedin.metadata.snapshot.TagSnapshot.aspects[0].com.linkedin.tag.TagProperties.name", "expected a string")]
    [InlineData("""{"entity": {}}""", "entity.value", "snapshot union is missing")]
    public async Task a_malformed_snapshot_is_a_400_naming_where_and_why(string body, string path, string reason)
    {
        var error = await DataHubWire.ErrorAsync(await _gms.Send(HttpMethod.Post, "/entities?action=ingest", JsonNode.Parse(body)), HttpStatusCode.BadRequest);

        error["path"]!.GetValue<string>().ShouldBe(path);
        error["message"]!.GetValue<string>().ShouldContain(reason);
    }

    [Fact]
    public async Task a_member_name_given_twice_is_a_400_not_a_server_error()
    {
        // DataHub's bootstrap_mce.json gives fineGrainedLineages[0] "upstreams" twice; its Python loader keeps the last.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/entities?action=ingest")
        {
            Content = new StringContent("""{"entity": {"value": {}, "value": {}}}""", System.Text.Encoding.UTF8, "application/json"),
        };
        var response = await _gms.Http.SendAsync(request);

        (await DataHubWire.ErrorAsync(response, HttpStatusCode.BadRequest))["message"]!.GetValue<string>().ShouldContain("member name twice");
    }

    [Fact]
    public async Task batch_ingest_wants_one_system_metadata_per_entity()
    {
        var error = await DataHubWire.ErrorAsync(await _gms.Send(HttpMethod.Post, "/entities?action=batchIngest", JsonNode.Parse("""
            {"entities": [{"value": {"com.linkedin.metadata.snapshot.TagSnapshot": {"urn": "urn:li:tag:t", "aspects": []}}}],
             "systemMetadata": [{}, {}]}
            """)), HttpStatusCode.BadRequest);

        error["path"]!.GetValue<string>().ShouldBe("systemMetadata");
    }

    [Fact]
    public async Task a_timeseries_read_of_an_aspect_that_is_not_timeseries_is_a_400()
    {
        var response = await _gms.Send(HttpMethod.Post, "/aspects?action=getTimeseriesAspectValues",
            new JsonObject { ["urn"] = Hive, ["entity"] = "dataset", ["aspect"] = "ownership" });

        (await DataHubWire.ErrorAsync(response, HttpStatusCode.BadRequest))["path"]!.GetValue<string>().ShouldBe("aspect");
    }

    private async Task<JsonObject> TimeseriesAsync(JsonObject body) =>
        (await DataHubWire.ReadObjectAsync(await _gms.Send(HttpMethod.Post, "/aspects?action=getTimeseriesAspectValues", body)))["value"]!.AsObject();

    private static List<(long, long)> Profiles(JsonObject answer) =>
        [.. answer["values"]!.AsArray().Select(v => JsonNode.Parse(v!["aspect"]!["value"]!.GetValue<string>())!)
            .Select(p => (p["timestampMillis"]!.GetValue<long>(), p["rowCount"]!.GetValue<long>()))];

    private async Task<List<string>> Related(string urn, string direction, string type)
    {
        var body = await GetAsync($"/relationships?direction={direction}&urn={DataHubWire.Quote(urn)}&types=List({type})");
        return [.. body["relationships"]!.AsArray().Select(r => r!["entity"]!.GetValue<string>()).Order(StringComparer.Ordinal)];
    }

    private async Task<JsonObject> GetAsync(string path) => await DataHubWire.ReadObjectAsync(await _gms.Send(HttpMethod.Get, path));

    /// <summary>A lineage answer's nodes, the root left out, by urn with their hop count.</summary>
    private static Dictionary<string, int> Nodes(JsonObject graph) =>
        graph["nodes"]!.AsArray().Where(n => n!["degree"]!.GetValue<int>() > 0)
            .ToDictionary(n => n!["urn"]!.GetValue<string>(), n => n!["degree"]!.GetValue<int>());
}

[Collection(SqliteApiCollection.Name)]
public sealed class sqlite_sample_data(SqliteApiFactory factory) : SampleDataTests(factory);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_sample_data(Neo4jApiFactory factory) : SampleDataTests(factory);
