using System.Text.Json.Nodes;

namespace Lineage.Api.Tests.Traversal;

// A cycle walked both ways, an edge to an entity never ingested, and the path: to itself, and the shorter of the two
// directions when the upstream one is shorter.
public abstract partial class LineageApiTests
{
    // The cycle: the raw dataset → the feature → the model → the scoring job → the raw dataset again (the job
    // rewrites the table it was fed from).
    private string Raw => $"urn:li:dataset:(urn:li:dataPlatform:hive,raw_{_run},PROD)";

    private async Task WriteCycleAsync()
    {
        await _gms.UpsertAsync(Raw, "datasetProperties", new JsonObject { ["name"] = "raw" });
        await _gms.UpsertAsync(Feature, "mlFeatureProperties", new JsonObject { ["sources"] = new JsonArray(Raw) });
        await _gms.UpsertAsync(Model, "mlModelProperties", new JsonObject
        {
            ["mlFeatures"] = new JsonArray(Feature),
            ["downstreamJobs"] = new JsonArray(ScoringJob),
        });
        await _gms.UpsertAsync(ScoringJob, "dataJobInputOutput", new JsonObject
        {
            ["inputDatasets"] = new JsonArray(),
            ["outputDatasets"] = new JsonArray(Raw),
        });
    }

    [Fact]
    public async Task both_ways_round_a_cycle_each_node_appears_once_at_its_nearest_degree_and_each_edge_once()
    {
        await WriteCycleAsync();

        var both = await GetAsync($"/api/v1/lineage?urn={Q(Model)}&direction=both&maxHops=3");

        // Downstream the job is 1 hop away and the feature 3; upstream the feature is 1 and the job 3; the raw
        // dataset is 2 either way.
        Nodes(both).ShouldBe(InOrder((1, Feature), (1, ScoringJob), (2, Raw)));
        Edges(both).ShouldBe(
        [
            Edge(Feature, "DerivedFrom", Raw, upstream: Raw),
            Edge(Model, "Consumes", Feature, upstream: Feature),
            Edge(Model, "UsedBy", ScoringJob, upstream: Model),
            Edge(ScoringJob, "Produces", Raw, upstream: ScoringJob),
        ], ignoreOrder: true);
        both["truncated"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task an_edge_to_an_entity_never_ingested_reaches_a_node_that_says_it_does_not_exist()
    {
        // The feature names a source dataset that was never written.
        await _gms.UpsertAsync(Feature, "mlFeatureProperties", new JsonObject { ["sources"] = new JsonArray(Dataset) });

        var up = await GetAsync($"/api/v1/lineage?urn={Q(Feature)}&direction=upstream");
        var down = await GetAsync($"/api/v1/lineage?urn={Q(Dataset)}&direction=downstream");
        var impact = await GetAsync($"/api/v1/impact?urn={Q(Dataset)}");

        var ghost = up["nodes"]!.AsArray().Single()!;
        ghost["urn"]!.GetValue<string>().ShouldBe(Dataset);
        ghost["degree"]!.GetValue<int>().ShouldBe(1);
        ghost["exists"]!.GetValue<bool>().ShouldBeFalse();
        ghost["entityType"]!.GetValue<string>().ShouldBe("dataset");
        ghost["platform"]!.GetValue<string>().ShouldBe("urn:li:dataPlatform:hive");
        up["root"]!["exists"]!.GetValue<bool>().ShouldBeTrue();
        Edges(up).ShouldBe([Edge(Feature, "DerivedFrom", Dataset, upstream: Dataset)]);
        down["root"]!["exists"]!.GetValue<bool>().ShouldBeFalse();
        Nodes(down).ShouldBe([(1, Feature)]);
        impact["root"]!["exists"]!.GetValue<bool>().ShouldBeFalse();
        Affected(impact).ShouldBe([(1, Chain(Dataset, "DerivedFrom", Feature))]);
    }

    [Fact]
    public async Task the_path_from_an_entity_to_itself_is_that_entity_with_no_hops()
    {
        await WriteEstateAsync();

        var answer = await GetAsync($"/api/v1/lineage/path?from={Q(Model)}&to={Q(Model)}");

        answer["from"]!.GetValue<string>().ShouldBe(Model);
        answer["to"]!.GetValue<string>().ShouldBe(Model);
        PathOf(answer["path"]!).ShouldBe(Model);
        answer["path"]!["hops"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task the_path_is_the_shorter_direction_even_when_that_is_upstream()
    {
        await WriteCycleAsync();

        // Downstream the feature reaches the raw dataset in three hops (model, job, raw); upstream in one.
        var answer = await GetAsync($"/api/v1/lineage/path?from={Q(Feature)}&to={Q(Raw)}");

        answer["direction"]!.GetValue<string>().ShouldBe("upstream");
        PathOf(answer["path"]!).ShouldBe(Chain(Feature, "DerivedFrom", Raw));
        answer["path"]!["hops"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task a_path_as_short_both_ways_is_given_downstream()
    {
        await WriteCycleAsync();

        // From the model the raw dataset is two hops downstream (job, raw) and two upstream (feature, raw).
        var answer = await GetAsync($"/api/v1/lineage/path?from={Q(Model)}&to={Q(Raw)}");

        answer["direction"]!.GetValue<string>().ShouldBe("downstream");
        PathOf(answer["path"]!).ShouldBe(Chain(Model, "UsedBy", ScoringJob, "Produces", Raw));
    }
}
