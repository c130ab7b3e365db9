using System.Text.Json.Nodes;

namespace Lineage.Api.Tests.Traversal;

// The lineage of ML connector writes (issue 19): a run's input and output edges (DataHub's annotations) and a model's
// training data (Lineage's own TrainedOn).
public abstract partial class LineageApiTests
{
    private string Run => $"urn:li:dataProcessInstance:run_{_run}";
    private string Clicks => $"urn:li:dataset:(urn:li:dataPlatform:hive,clicks_{_run},PROD)";
    private string Holdout => $"urn:li:dataset:(urn:li:dataPlatform:hive,holdout_{_run},PROD)";

    [Fact]
    public async Task a_runs_input_edges_feed_it_and_its_output_edges_feed_the_model()
    {
        await _gms.UpsertAsync(Run, "dataProcessInstanceInput", new JsonObject
        {
            ["inputs"] = new JsonArray(),
            ["inputEdges"] = new JsonArray(new JsonObject { ["destinationUrn"] = Clicks }),
        });
        await _gms.UpsertAsync(Run, "dataProcessInstanceOutput", new JsonObject
        {
            ["outputs"] = new JsonArray(),
            ["outputEdges"] = new JsonArray(new JsonObject { ["destinationUrn"] = Model }),
        });

        var down = await GetAsync($"/api/v1/lineage?urn={Q(Clicks)}&direction=downstream");

        Nodes(down).ShouldBe(InOrder((1, Run), (2, Model)));
        Edges(down).ShouldBe(
        [
            Edge(Run, "DataProcessInstanceConsumes", Clicks, upstream: Clicks),
            Edge(Run, "DataProcessInstanceProduces", Model, upstream: Run),
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task a_models_training_and_evaluation_datasets_are_upstream_of_it()
    {
        await _gms.UpsertAsync(Model, "mlModelTrainingData", new JsonObject
        {
            ["trainingData"] = new JsonArray(new JsonObject { ["dataset"] = Clicks }),
        });
        await _gms.UpsertAsync(Model, "mlModelEvaluationData", new JsonObject
        {
            ["evaluationData"] = new JsonArray(new JsonObject { ["dataset"] = Holdout }),
        });

        var up = await GetAsync($"/api/v1/lineage?urn={Q(Model)}&direction=upstream");

        Nodes(up).ShouldBe(InOrder((1, Clicks), (1, Holdout)));
        Edges(up).ShouldBe(
        [
            Edge(Model, "TrainedOn", Clicks, upstream: Clicks),
            Edge(Model, "EvaluatedOn", Holdout, upstream: Holdout),
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task a_model_versions_upstream_reaches_its_training_run_and_what_the_run_read_and_back()
    {
        // As MLflow's connector writes it: the model version names its run in trainingJobs, the run its inputs.
        await _gms.UpsertAsync(Run, "dataProcessInstanceInput", new JsonObject { ["inputs"] = new JsonArray(Clicks) });
        await _gms.UpsertAsync(Model, "mlModelProperties", new JsonObject { ["trainingJobs"] = new JsonArray(Run) });

        var up = await GetAsync($"/api/v1/lineage?urn={Q(Model)}&direction=upstream");
        var down = await GetAsync($"/api/v1/lineage?urn={Q(Clicks)}&direction=downstream");

        Nodes(up).ShouldBe(InOrder((1, Run), (2, Clicks)));
        Edges(up).ShouldBe(
        [
            Edge(Model, "TrainedBy", Run, upstream: Run),
            Edge(Run, "Consumes", Clicks, upstream: Clicks),
        ], ignoreOrder: true);
        Nodes(down).ShouldBe(InOrder((1, Run), (2, Model)));
    }
}
