using System.Net;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Tutorial;

/// <summary>
/// DataHub's ML tutorial, on the wire: what its emitter and graph client send, in order, and what they read back.
/// </summary>
public abstract class MlTutorialTests(LineageApiFactory factory)
{
    private readonly DataHubWire _gms = new(factory.CreateClient());
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    private string Feature(string name) => $"urn:li:mlFeature:(users_{_run},{name})";
    private string Table => $"urn:li:mlFeatureTable:(urn:li:dataPlatform:feast,users_{_run})";
    private string Model => $"urn:li:mlModel:(urn:li:dataPlatform:science,scienceModel_{_run},PROD)";
    private string Group => $"urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,recommendation-models-{_run},PROD)";
    private string Group2 => $"urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,ranking-models-{_run},PROD)";
    private const string Users = "urn:li:dataset:(urn:li:dataPlatform:hive,users,PROD)";

    private async Task CreateFeatureTableModelAndGroupAsync()
    {
        foreach (var name in new[] { "age", "signup_date", "country" })
        {
            await _gms.UpsertAsync(Feature(name), "mlFeatureProperties", new JsonObject
            {
                ["description"] = $"the user's {name}",
                ["dataType"] = "TEXT",
                ["sources"] = new JsonArray(Users),
            });
        }
        await _gms.UpsertAsync(Table, "mlFeatureTableProperties", new JsonObject
        {
            ["description"] = "user features",
            ["mlFeatures"] = new JsonArray(Feature("age"), Feature("signup_date")),
        });
        await _gms.UpsertAsync(Group, "mlModelGroupProperties", new JsonObject
        {
            ["name"] = "Recommendation models",
            ["description"] = "models that recommend",
        });
        await _gms.UpsertAsync(Model, "mlModelProperties", new JsonObject
        {
            ["description"] = "a model for science",
            ["groups"] = new JsonArray(Group),
            ["mlFeatures"] = new JsonArray(Feature("age")),
            ["trainingMetrics"] = new JsonArray(new JsonObject { ["name"] = "accuracy", ["value"] = "0.92", ["description"] = "on holdout" }),
            ["hyperParams"] = new JsonArray(new JsonObject { ["name"] = "learning_rate", ["value"] = "0.01" }),
        });
    }

    [Fact]
    public async Task a_feature_table_model_and_group_created_as_the_tutorial_does_read_back_as_written()
    {
        await CreateFeatureTableModelAndGroupAsync();

        var feature = await _gms.GetAspectAsync(Feature("age"), "mlFeatureProperties", "com.linkedin.ml.metadata.MLFeatureProperties");
        feature!["dataType"]!.GetValue<string>().ShouldBe("TEXT");
        feature["sources"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe([Users]);

        var model = await _gms.GetAspectAsync(Model, "mlModelProperties", "com.linkedin.ml.metadata.MLModelProperties");
        model!["trainingMetrics"]![0]!["name"]!.GetValue<string>().ShouldBe("accuracy");
        model["hyperParams"]![0]!["value"]!.GetValue<string>().ShouldBe("0.01");
        model["groups"]!.AsArray().Select(g => g!.GetValue<string>()).ShouldBe([Group]);
    }

    [Fact]
    public async Task extending_lists_by_read_modify_write_adds_features_and_groups()
    {
        await CreateFeatureTableModelAndGroupAsync();
        await _gms.UpsertAsync(Group2, "mlModelGroupProperties", new JsonObject { ["name"] = "Ranking" });

        // The tutorial's pattern: get_aspect, append to the list, emit the whole aspect again.
        var table = await _gms.GetAspectAsync(Table, "mlFeatureTableProperties", "com.linkedin.ml.metadata.MLFeatureTableProperties");
        table!["mlFeatures"]!.AsArray().Add(Feature("country"));
        await _gms.UpsertAsync(Table, "mlFeatureTableProperties", table);

        var model = await _gms.GetAspectAsync(Model, "mlModelProperties", "com.linkedin.ml.metadata.MLModelProperties");
        model!["mlFeatures"]!.AsArray().Add(Feature("country"));
        model["groups"]!.AsArray().Add(Group2);
        await _gms.UpsertAsync(Model, "mlModelProperties", model);

        var contained = await RelatedAsync(Table, "OUTGOING", "Contains");
        contained.ShouldBe([Feature("age"), Feature("country"), Feature("signup_date")], ignoreOrder: true);
        (await RelatedAsync(Model, "OUTGOING", "Consumes")).ShouldBe([Feature("age"), Feature("country")], ignoreOrder: true);
        (await RelatedAsync(Group2, "INCOMING", "MemberOf")).ShouldBe([Model]);

        // The first write is kept as version 1; version 0 is the latest.
        var first = await _gms.GetAspectAsync(Model, "mlModelProperties", "com.linkedin.ml.metadata.MLModelProperties", version: 1);
        first!["groups"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task a_model_group_gets_owner_tags_term_domain_link_deprecation_and_training_job()
    {
        await CreateFeatureTableModelAndGroupAsync();
        var job = $"urn:li:dataJob:(urn:li:dataFlow:(airflow,train_{_run},PROD),training_task)";

        // What the new SDK's update() sends for add_owner, add_tag, add_term, add_link, set_domain, add_training_job.
        await _gms.UpsertAsync(Group, "ownership", JsonNode.Parse("""
            {"owners": [{"owner": "urn:li:corpuser:data_science_team", "type": "TECHNICAL_OWNER"}],
             "ownerTypes": {}, "lastModified": {"time": 0, "actor": "urn:li:corpuser:unknown"}}
            """)!);
        await _gms.UpsertAsync(Group, "globalTags", JsonNode.Parse("""
            {"tags": [{"tag": "urn:li:tag:production-ready"}, {"tag": "urn:li:tag:recommendation"}]}
            """)!);
        await _gms.UpsertAsync(Group, "glossaryTerms", JsonNode.Parse("""
            {"terms": [{"urn": "urn:li:glossaryTerm:Recommendation"}], "auditStamp": {"time": 0, "actor": "urn:li:corpuser:__ingestion"}}
            """)!);
        await _gms.UpsertAsync(Group, "domains", JsonNode.Parse("""{"domains": ["urn:li:domain:marketing"]}""")!);
        await _gms.UpsertAsync(Group, "domains", JsonNode.Parse("""{"domains": ["urn:li:domain:growth"]}""")!);
        await _gms.UpsertAsync(Group, "institutionalMemory", JsonNode.Parse("""
            {"elements": [{"url": "https://wiki.example.com/recs", "description": "Design doc",
                           "createStamp": {"time": 0, "actor": "urn:li:corpuser:__ingestion"}}]}
            """)!);
        await _gms.UpsertAsync(Group, "deprecation", JsonNode.Parse("""
            {"deprecated": true, "note": "use ranking-models", "actor": "urn:li:corpuser:datahub", "decommissionTime": 1767225600000}
            """)!);
        var properties = await _gms.GetAspectAsync(Group, "mlModelGroupProperties", "com.linkedin.ml.metadata.MLModelGroupProperties");
        properties!["trainingJobs"] = new JsonArray(job);
        await _gms.UpsertAsync(Group, "mlModelGroupProperties", properties);

        // /aspects, one by one.
        var ownership = await _gms.GetAspectAsync(Group, "ownership", "com.linkedin.common.Ownership");
        ownership!["owners"]![0]!["owner"]!.GetValue<string>().ShouldBe("urn:li:corpuser:data_science_team");
        var domains = await _gms.GetAspectAsync(Group, "domains", "com.linkedin.domain.Domains");
        domains!["domains"]!.AsArray().Select(d => d!.GetValue<string>()).ShouldBe(["urn:li:domain:growth"]);
        var deprecation = await _gms.GetAspectAsync(Group, "deprecation", "com.linkedin.common.Deprecation");
        deprecation!["note"]!.GetValue<string>().ShouldBe("use ranking-models");

        // /entities: the snapshot with every aspect, the key aspect first.
        var entity = await DataHubWire.ReadObjectAsync(await _gms.Send(HttpMethod.Get, $"/entities/{DataHubWire.Quote(Group)}"));
        var snapshot = entity["value"]!["com.linkedin.metadata.snapshot.MLModelGroupSnapshot"]!;
        snapshot["urn"]!.GetValue<string>().ShouldBe(Group);
        var classes = snapshot["aspects"]!.AsArray().Select(a => a!.AsObject().Single().Key).ToList();
        classes[0].ShouldBe("com.linkedin.metadata.key.MLModelGroupKey");
        classes.ShouldContain("com.linkedin.ml.metadata.MLModelGroupProperties");
        classes.ShouldContain("com.linkedin.common.Ownership");
        classes.ShouldContain("com.linkedin.common.GlobalTags");
        classes.ShouldContain("com.linkedin.common.GlossaryTerms");
        classes.ShouldContain("com.linkedin.domain.Domains");
        classes.ShouldContain("com.linkedin.common.InstitutionalMemory");
        classes.ShouldContain("com.linkedin.common.Deprecation");
        var key = snapshot["aspects"]![0]!["com.linkedin.metadata.key.MLModelGroupKey"]!;
        key["platform"]!.GetValue<string>().ShouldBe("urn:li:dataPlatform:mlflow");
        key["origin"]!.GetValue<string>().ShouldBe("PROD");

        // Edges follow the latest aspects: the second domain replaced the first.
        (await RelatedAsync(Group, "OUTGOING", "AssociatedWith")).ShouldBe(["urn:li:domain:growth"]);
        (await RelatedAsync(Group, "OUTGOING", "OwnedBy")).ShouldBe(["urn:li:corpuser:data_science_team"]);
        (await RelatedAsync(Group, "OUTGOING", "TaggedWith")).ShouldBe(["urn:li:tag:production-ready", "urn:li:tag:recommendation"], ignoreOrder: true);
        (await RelatedAsync(Group, "OUTGOING", "TermedWith")).ShouldBe(["urn:li:glossaryTerm:Recommendation"]);
        (await RelatedAsync(Group, "OUTGOING", "TrainedBy")).ShouldBe([job]);

        // The tutorial's last step: the group's models.
        (await RelatedAsync(Group, "INCOMING", "MemberOf")).ShouldBe([Model]);
    }

    [Fact]
    public async Task graph_exists_reads_the_key_aspect_of_an_entity_that_has_any_aspect()
    {
        await CreateFeatureTableModelAndGroupAsync();
        var key = await _gms.GetAspectAsync(Group, "mlModelGroupKey", "com.linkedin.metadata.key.MLModelGroupKey");
        key!["name"]!.GetValue<string>().ShouldBe($"recommendation-models-{_run}");

        var missing = await _gms.Send(HttpMethod.Get,
            $"/aspects/{DataHubWire.Quote(Group.Replace("recommendation", "absent"))}?aspect=mlModelGroupKey&version=0");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<List<string>> RelatedAsync(string urn, string direction, string type)
    {
        var body = await DataHubWire.ReadObjectAsync(await _gms.Send(HttpMethod.Get,
            $"/relationships?direction={direction}&urn={DataHubWire.Quote(urn)}&types=List({type})"));
        return body["relationships"]!.AsArray().Select(r => r!["entity"]!.GetValue<string>()).ToList();
    }
}

[Collection(SqliteApiCollection.Name)]
public sealed class sqlite_ml_tutorial(SqliteApiFactory factory) : MlTutorialTests(factory);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_ml_tutorial(Neo4jApiFactory factory) : MlTutorialTests(factory);
