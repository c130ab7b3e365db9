using System.Text.Json.Nodes;
using Lineage.Graph.Errors;
using Lineage.Graph.Registry;
using Lineage.Graph.Tests.Sqlite;
using Lineage.Graph.Tests.StoreContract;
using Lineage.Graph.Writing;
using Lineage.Api.Ingest.Readers;
using Lineage.Graph.Tests.Writing;
using static Lineage.Graph.Tests.Writing.Proposals;

namespace Lineage.Api.Tests.Ingest.Readers;

/// <summary>Snapshots as DataHub's clients and MCE files write them become UPSERTs of Rest.li-form values.</summary>
public sealed class SnapshotReaderTests(SqliteStoreFixture fx) : IClassFixture<SqliteStoreFixture>
{
    private readonly SnapshotReader _reader = new(MetadataRegistry.Default);
    private readonly MetadataWriter _writer = new(fx.Store, MetadataRegistry.Default);

    private IReadOnlyList<SnapshotAspect> Read(string json) => _reader.Read(JsonNode.Parse(json), null);

    [Fact]
    public void each_aspect_class_becomes_an_upsert_of_the_aspect_datahub_names_for_it()
    {
        var read = Read("""
            {"com.linkedin.metadata.snapshot.MLModelSnapshot": {"urn": "urn:li:mlModel:(urn:li:dataPlatform:science,m,PROD)", "aspects": [
              {"com.linkedin.ml.metadata.Metrics": {"performanceMeasures": ["auc"]}},
              {"com.linkedin.ml.metadata.TrainingData": {"trainingData": []}}]}}
            """);

        read.Select(a => (a.Proposal.AspectName, a.Proposal.ChangeType, a.Proposal.EntityType))
            .ShouldBe([("mlModelMetrics", ChangeType.Upsert, "mlModel"), ("mlModelTrainingData", ChangeType.Upsert, "mlModel")]);
        read.Select(a => a.Path).ShouldBe([
            "com.linkedin.metadata.snapshot.MLModelSnapshot.aspects[0]", "com.linkedin.metadata.snapshot.MLModelSnapshot.aspects[1]"]);
    }

    [Fact]
    public void the_mce_file_form_is_read_as_datahubs_client_would_send_it()
    {
        var read = Read("""
            {"com.linkedin.pegasus2avro.metadata.snapshot.CorpUserSnapshot": {"urn": "urn:li:corpuser:u", "aspects": [
              {"com.linkedin.pegasus2avro.identity.CorpUserInfo": {"active": true, "displayName": {"string": "U"}, "managerUrn": null,
                "departmentId": {"long": 7}}}]}}
            """);

        JsonNode.DeepEquals(read.Single().Proposal.Value, JsonNode.Parse("""{"active": true, "displayName": "U", "departmentId": 7}"""))
            .ShouldBeTrue(read.Single().Proposal.Value!.ToJsonString());
    }

    [Fact]
    public void nested_class_names_lose_pegasus2avro_and_an_aliased_union_loses_its_discriminator()
    {
        var read = Read("""
            {"com.linkedin.metadata.snapshot.MLModelSnapshot": {"urn": "urn:li:mlModel:(urn:li:dataPlatform:science,m,PROD)", "aspects": [
              {"com.linkedin.pegasus2avro.common.Cost": {"costType": "ORG_COST_TYPE", "cost": {"fieldDiscriminator": "costId", "costId": 3.5}}}]}}
            """);

        JsonNode.DeepEquals(read.Single().Proposal.Value, JsonNode.Parse("""{"costType": "ORG_COST_TYPE", "cost": {"costId": 3.5}}""")).ShouldBeTrue();
    }

    [Fact]
    public void a_rest_li_value_comes_out_unchanged()
    {
        const string value = """{"title": "c", "description": "d", "lastModified": {}, "inputs": [{"string": "urn:li:dataset:(urn:li:dataPlatform:hive,t,PROD)"}]}""";
        var read = Read("""{"com.linkedin.metadata.snapshot.ChartSnapshot": {"urn": "urn:li:chart:(looker,c)", "aspects": [{"com.linkedin.chart.ChartInfo": """
            + value + "}]}}");

        JsonNode.DeepEquals(read.Single().Proposal.Value, JsonNode.Parse(value)).ShouldBeTrue();
    }

    [Fact]
    public void a_bad_value_is_named_by_the_class_it_was_sent_as()
    {
        var error = Should.Throw<ValidationException>(() => Read("""
            {"com.linkedin.metadata.snapshot.DatasetSnapshot": {"urn": "urn:li:dataset:(urn:li:dataPlatform:hive,t,PROD)", "aspects": [
              {"com.linkedin.pegasus2avro.common.Ownership": {"owners": [{"owner": "urn:li:tag:x"}]}}]}}
            """));

        error.Path.ShouldBe("com.linkedin.metadata.snapshot.DatasetSnapshot.aspects[0].com.linkedin.pegasus2avro.common.Ownership.owners[0].owner");
    }

    [Fact]
    public async Task a_timeseries_aspect_takes_only_upsert()
    {
        var dataset = Mint.Dataset();

        var error = await Should.ThrowAsync<ValidationException>(() => _writer.ApplyBatchAsync(
            Upsert(dataset, "datasetProfile", """{"timestampMillis": 1000, "rowCount": 1}"""),
            Create(dataset, "datasetProfile", """{"timestampMillis": 2000, "rowCount": 2}""")));

        error.Path.ShouldBe("proposals[1].changeType");
        (await fx.Store.GetAspectAsync(dataset, "datasetProfile", 0, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task a_chart_input_given_bare_or_wrapped_is_a_consumes_edge()
    {
        var chart = $"urn:li:chart:(looker,{Guid.NewGuid():N})";
        var bare = Mint.Dataset();
        var wrapped = Mint.Dataset();

        await _writer.ApplyBatchAsync(Upsert(chart, "chartInfo", $$"""
            {"title": "c", "description": "d", "lastModified": {}, "inputs": ["{{bare}}", {"string": "{{wrapped}}"}]}
            """));

        (await fx.Store.OutgoingAsync(chart, "Consumes")).Items.Select(i => i.Urn).Order().ShouldBe(new[] { bare, wrapped }.Order());
    }
}
