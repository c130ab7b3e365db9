using System.Text.Json.Nodes;
using Lineage.Graph.Registry;
using Lineage.Graph.Storage;
using Lineage.Graph.Tests.Registry.Examples;
using Lineage.Graph.Tests.Sqlite;
using Lineage.Graph.Writing;

namespace Lineage.Graph.Tests.Registry;

/// <summary>The aspects clients.md says DataHub's SDK writes, accepted by the real registry and stored as sent.</summary>
public sealed class ClientExampleTests(SqliteStoreFixture fx) : IClassFixture<SqliteStoreFixture>
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly MetadataWriter _writer = new(fx.Store, MetadataRegistry.Default);

    private static readonly (string Name, string Entity, string Aspect, string Json)[] Examples =
    [
        ("group properties from MLModelGroup(...)", "mlModelGroup", "mlModelGroupProperties",
            """{"customProperties": {"framework": "pytorch"}, "name": "Recs", "description": "Recommendation models"}"""),
        ("platform instance from MLModelGroup(...)", "mlModelGroup", "dataPlatformInstance",
            """{"platform": "urn:li:dataPlatform:mlflow"}"""),
        ("model properties from set_model_group", "mlModel", "mlModelProperties",
            """{"customProperties": {}, "tags": [], "groups": ["urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,recommendation-models,PROD)"]}"""),
        ("ownership from add_owner", "mlModelGroup", "ownership",
            """{"owners": [{"owner": "urn:li:corpuser:data_science_team", "type": "TECHNICAL_OWNER"}], "ownerTypes": {}, "lastModified": {"time": 0, "actor": "urn:li:corpuser:unknown"}}"""),
        ("tags from add_tag", "mlModelGroup", "globalTags",
            """{"tags": [{"tag": "urn:li:tag:production-ready"}]}"""),
        ("terms from add_term", "mlModelGroup", "glossaryTerms",
            """{"terms": [{"urn": "urn:li:glossaryTerm:Recommendation"}], "auditStamp": {"time": 0, "actor": "urn:li:corpuser:__ingestion"}}"""),
        ("links from add_link", "mlModelGroup", "institutionalMemory",
            """{"elements": [{"url": "https://wiki.example.com/recs", "description": "Design doc", "createStamp": {"time": 0, "actor": "urn:li:corpuser:__ingestion"}}]}"""),
        ("domain from set_domain", "mlModelGroup", "domains",
            """{"domains": ["urn:li:domain:marketing"]}"""),
        ("training job from add_training_job", "mlModelGroup", "mlModelGroupProperties",
            """{"customProperties": {"framework": "pytorch"}, "name": "Recs", "trainingJobs": ["urn:li:dataJob:(urn:li:dataFlow:(airflow,train_recommendation_model,PROD),training_task)"]}"""),
        ("deprecation from _set_aspect", "mlModelGroup", "deprecation",
            """{"deprecated": true, "note": "Use v2", "actor": "urn:li:corpuser:datahub", "decommissionTime": 1767225600000}"""),
        ("feature properties from the emitter", "mlFeature", "mlFeatureProperties",
            """{"description": "my feature", "dataType": "TEXT"}"""),
    ];

    public static TheoryData<string> Names => [.. Examples.Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task a_value_the_sdk_writes_is_accepted_and_stored_as_sent(string name)
    {
        var (_, entity, aspect, json) = Examples.Single(e => e.Name == name);
        var urn = MaximalExamples.Mint(entity);

        var outcomes = await _writer.ApplyAsync(
            [new Proposal(null, urn, ChangeType.Upsert, aspect, JsonNode.Parse(json))], i => $"proposals[{i}]", "urn:li:corpuser:sdk", Ct);

        outcomes.Single().Effect.ShouldBe(WriteEffect.Created);
        var stored = (await fx.Store.GetAspectAsync(urn, aspect, 0, Ct)).ShouldNotBeNull();
        stored.Value.ToJsonString().ShouldBe(JsonNode.Parse(json)!.ToJsonString());
    }

    [Fact]
    public async Task the_key_aspect_the_sdk_re_sends_is_accepted_when_it_matches_the_urn()
    {
        var name = $"recommendation-models-{Guid.NewGuid():N}";
        var urn = $"urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,{name},PROD)";
        var key = $$"""{"platform": "urn:li:dataPlatform:mlflow", "name": "{{name}}", "origin": "PROD"}""";

        var outcomes = await _writer.ApplyAsync(
            [new Proposal(null, urn, ChangeType.Upsert, "mlModelGroupKey", JsonNode.Parse(key))], i => $"proposals[{i}]", "urn:li:corpuser:sdk", Ct);

        outcomes.Single().Effect.ShouldBe(WriteEffect.Created);
    }
}
