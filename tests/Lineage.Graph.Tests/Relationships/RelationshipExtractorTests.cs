using System.Text.Json.Nodes;
using Lineage.Graph.Registry;
using Lineage.Graph.Relationships;

namespace Lineage.Graph.Tests.Relationships;

/// <summary>The edges the real registry derives from values the ML connectors write.</summary>
public sealed class RelationshipExtractorTests
{
    private const string Run = "urn:li:dataProcessInstance:2666299269d6ebea994d5ec0c29e3aca";
    private const string Model = "urn:li:mlModel:(urn:li:dataPlatform:mlflow,test-model_1,PROD)";
    private const string Dataset = "urn:li:dataset:(urn:li:dataPlatform:hive,clicks,PROD)";

    private static IReadOnlyList<Relationship> Edges(string source, string aspect, string json) =>
        RelationshipExtractor.Extract(source, MetadataRegistry.Default.Aspect(aspect)!, JsonNode.Parse(json)!.AsObject());

    [Fact]
    public void an_edge_list_relates_through_each_destination_urn()
    {
        var edges = Edges(Run, "dataProcessInstanceOutput",
            $$"""{"outputs": [], "outputEdges": [{"sourceUrn": "{{Run}}", "destinationUrn": "{{Model}}"}]}""");

        var edge = edges.ShouldHaveSingleItem();
        (edge.Type, edge.Target, edge.Lineage).ShouldBe(("DataProcessInstanceProduces", Model, LineageRole.TargetIsDownstream));
    }

    [Fact]
    public void a_runs_inputs_are_upstream_of_it()
    {
        var edges = Edges(Run, "dataProcessInstanceInput",
            $$"""{"inputs": ["{{Dataset}}"], "inputEdges": [{"destinationUrn": "{{Model}}"}]}""");

        edges.Select(e => (e.Type, e.Target, e.Lineage)).ShouldBe(
        [
            ("Consumes", Dataset, LineageRole.TargetIsUpstream),
            ("DataProcessInstanceConsumes", Model, LineageRole.TargetIsUpstream),
        ], ignoreOrder: true);
    }

    [Fact]
    public void a_models_training_and_evaluation_datasets_are_upstream_of_it()
    {
        var training = Edges(Model, "mlModelTrainingData", $$"""{"trainingData": [{"dataset": "{{Dataset}}"}]}""");
        var evaluation = Edges(Model, "mlModelEvaluationData", $$"""{"evaluationData": [{"dataset": "{{Dataset}}"}]}""");

        training.ShouldHaveSingleItem().ShouldBe(new Relationship(Model, "TrainedOn", Dataset, "mlModelTrainingData", LineageRole.TargetIsUpstream));
        evaluation.ShouldHaveSingleItem().ShouldBe(new Relationship(Model, "EvaluatedOn", Dataset, "mlModelEvaluationData", LineageRole.TargetIsUpstream));
    }

    [Fact]
    public void the_columns_a_job_reads_are_upstream_of_it()
    {
        var field = $"urn:li:schemaField:({Dataset},user_id)";
        var edges = Edges("urn:li:dataJob:(urn:li:dataFlow:(airflow,f,PROD),t)", "dataJobInputOutput",
            $$"""{"inputDatasets": ["{{Dataset}}"], "outputDatasets": [], "inputDatasetFields": ["{{field}}"]}""");

        edges.Select(e => (e.Type, e.Target, e.Lineage)).ShouldBe(
        [
            ("Consumes", Dataset, LineageRole.TargetIsUpstream),
            ("Consumes", field, LineageRole.TargetIsUpstream),
        ], ignoreOrder: true);
    }
}
