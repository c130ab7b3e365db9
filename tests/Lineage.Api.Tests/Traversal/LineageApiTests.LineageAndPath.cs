using System.Net;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Traversal;

// Lineage in each direction with its filters and limit, the path between two entities, and the 400s.
public abstract partial class LineageApiTests
{
    [Fact]
    public async Task lineage_downstream_stops_at_three_hops_unless_asked_for_more()
    {
        await WriteEstateAsync();

        var three = await GetAsync($"/api/v1/lineage?urn={Q(Dataset)}&direction=downstream");
        var four = await GetAsync($"/api/v1/lineage?urn={Q(Dataset)}&direction=downstream&maxHops=4");

        Nodes(three).ShouldBe(InOrder((1, Feature), (2, Table), (2, Model), (3, Group), (3, ScoringJob)));
        three["truncated"]!.GetValue<bool>().ShouldBeFalse();
        Nodes(four).ShouldBe(InOrder((1, Feature), (2, Table), (2, Model), (3, Group), (3, ScoringJob), (4, Output)));
        Edges(four).ShouldBe(
        [
            Edge(Feature, "DerivedFrom", Dataset, upstream: Dataset),
            Edge(Table, "Contains", Feature, upstream: Feature),
            Edge(Model, "Consumes", Feature, upstream: Feature),
            Edge(Model, "MemberOf", Group, upstream: Model),
            Edge(Model, "UsedBy", ScoringJob, upstream: Model),
            Edge(ScoringJob, "Produces", Output, upstream: ScoringJob),
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task lineage_upstream_of_the_output_reaches_the_training_job_and_the_dataset_but_not_the_group_or_table()
    {
        await WriteEstateAsync();

        var up = await GetAsync($"/api/v1/lineage?urn={Q(Output)}&direction=upstream&maxHops=10");

        up["root"]!["urn"]!.GetValue<string>().ShouldBe(Output);
        Nodes(up).ShouldBe(InOrder((1, ScoringJob), (2, Model), (3, Feature), (3, TrainingJob), (4, Dataset)));
        Edges(up).ShouldBe(
        [
            Edge(Feature, "DerivedFrom", Dataset, upstream: Dataset),
            Edge(Model, "Consumes", Feature, upstream: Feature),
            Edge(Model, "TrainedBy", TrainingJob, upstream: TrainingJob),
            Edge(Model, "UsedBy", ScoringJob, upstream: Model),
            Edge(ScoringJob, "Produces", Output, upstream: ScoringJob),
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task lineage_both_ways_puts_each_side_of_the_model_at_its_degree()
    {
        await WriteEstateAsync();

        var both = await GetAsync($"/api/v1/lineage?urn={Q(Model)}&direction=both");
        var unsaid = await GetAsync($"/api/v1/lineage?urn={Q(Model)}");

        // Upstream: the feature, the training job, the dataset; downstream: the group, the job, the output.
        // The table is neither: it is downstream of the feature, not of the model.
        Nodes(both).ShouldBe(InOrder((1, Feature), (1, TrainingJob), (2, Dataset), (1, Group), (1, ScoringJob), (2, Output)));
        Edges(both).Count.ShouldBe(6);
        Nodes(unsaid).ShouldBe(Nodes(both));
    }

    [Fact]
    public async Task lineage_both_ways_keeps_edges_that_join_an_upstream_node_to_a_downstream_one()
    {
        await WriteEstateAsync();
        // The training job (upstream of the model) also writes the output (downstream of it).
        await _gms.UpsertAsync(TrainingJob, "dataJobInputOutput", new JsonObject
        {
            ["inputDatasets"] = new JsonArray(),
            ["outputDatasets"] = new JsonArray(Output),
        });

        var both = await GetAsync($"/api/v1/lineage?urn={Q(Model)}&direction=both");

        Edges(both).ShouldContain(Edge(TrainingJob, "Produces", Output, upstream: TrainingJob));
        Edges(both).Count.ShouldBe(7);
    }

    [Fact]
    public async Task an_entity_types_filter_keeps_the_root_and_the_types_named_with_only_the_edges_among_them()
    {
        await WriteEstateAsync();

        var filtered = await GetAsync($"/api/v1/lineage?urn={Q(Dataset)}&direction=downstream&maxHops=5&entityTypes=mlFeature,mlModel");

        filtered["root"]!["urn"]!.GetValue<string>().ShouldBe(Dataset);
        Nodes(filtered).ShouldBe(InOrder((1, Feature), (2, Model)));
        Edges(filtered).ShouldBe(
        [
            Edge(Feature, "DerivedFrom", Dataset, upstream: Dataset),
            Edge(Model, "Consumes", Feature, upstream: Feature),
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task a_relationships_filter_follows_only_the_relationships_named()
    {
        await WriteEstateAsync();

        var filtered = await GetAsync($"/api/v1/lineage?urn={Q(Dataset)}&direction=downstream&maxHops=10&relationships=List(DerivedFrom,Contains)");

        Nodes(filtered).ShouldBe(InOrder((1, Feature), (2, Table)));
        Edges(filtered).ShouldBe(
        [
            Edge(Feature, "DerivedFrom", Dataset, upstream: Dataset),
            Edge(Table, "Contains", Feature, upstream: Feature),
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task a_limit_keeps_the_root_and_the_nearest_nodes_and_says_truncated()
    {
        await WriteEstateAsync();

        // The limit counts the root: three nodes are the dataset, the feature and the smaller urn at two hops.
        var cut = await GetAsync($"/api/v1/lineage?urn={Q(Dataset)}&direction=downstream&maxHops=10&limit=3");
        var whole = await GetAsync($"/api/v1/lineage?urn={Q(Dataset)}&direction=downstream&maxHops=10&limit=7");

        Nodes(cut).ShouldBe([(1, Feature), (2, InOrder(Table, Model)[0])]);
        cut["truncated"]!.GetValue<bool>().ShouldBeTrue();
        Edges(cut).Count.ShouldBe(2);
        Nodes(whole).Count.ShouldBe(6);
        whole["truncated"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task the_path_from_the_dataset_to_the_output_runs_downstream_through_feature_model_and_job()
    {
        await WriteEstateAsync();

        var answer = await GetAsync($"/api/v1/lineage/path?from={Q(Dataset)}&to={Q(Output)}");

        answer["from"]!.GetValue<string>().ShouldBe(Dataset);
        answer["to"]!.GetValue<string>().ShouldBe(Output);
        answer["direction"]!.GetValue<string>().ShouldBe("downstream");
        PathOf(answer["path"]!).ShouldBe(Chain(Dataset, "DerivedFrom", Feature, "Consumes", Model, "UsedBy", ScoringJob, "Produces", Output));
        answer["path"]!["hops"]!.GetValue<int>().ShouldBe(4);
    }

    [Fact]
    public async Task the_path_the_other_way_is_found_upstream()
    {
        await WriteEstateAsync();

        var answer = await GetAsync($"/api/v1/lineage/path?from={Q(Output)}&to={Q(Dataset)}");

        answer["direction"]!.GetValue<string>().ShouldBe("upstream");
        PathOf(answer["path"]!).ShouldBe(Chain(Output, "Produces", ScoringJob, "UsedBy", Model, "Consumes", Feature, "DerivedFrom", Dataset));
    }

    [Fact]
    public async Task no_lineage_path_at_all_or_within_max_hops_is_a_404()
    {
        await WriteEstateAsync();

        // The training job feeds the model, but neither lies downstream or upstream of the other from the table.
        var none = await _gms.Http.GetAsync($"/api/v1/lineage/path?from={Q(Table)}&to={Q(TrainingJob)}");
        var tooFar = await _gms.Http.GetAsync($"/api/v1/lineage/path?from={Q(Dataset)}&to={Q(Output)}&maxHops=3");

        (await DataHubWire.ErrorAsync(none, HttpStatusCode.NotFound))["message"]!.GetValue<string>().ShouldContain("no lineage path");
        (await DataHubWire.ErrorAsync(tooFar, HttpStatusCode.NotFound))["message"]!.GetValue<string>().ShouldContain("within 3 hops");
    }

    [Theory]
    [InlineData("/api/v1/lineage?urn={urn}&maxHops=0", "maxHops", "from 1 to 10")]
    [InlineData("/api/v1/lineage?urn={urn}&maxHops=11", "maxHops", "from 1 to 10")]
    [InlineData("/api/v1/impact?urn={urn}&maxHops=0", "maxHops", "from 1 to 10")]
    [InlineData("/api/v1/impact?urn={urn}&maxHops=11", "maxHops", "from 1 to 10")]
    [InlineData("/api/v1/lineage/path?from={urn}&to={urn}&maxHops=11", "maxHops", "from 1 to 10")]
    [InlineData("/api/v1/impact?urn={urn}&count=10001", "count", "from 0 to 10000")]
    [InlineData("/api/v1/impact?urn={urn}&count=-1", "count", "from 0 to 10000")]
    [InlineData("/api/v1/impact?urn={urn}&start=-1", "start", "from 0 to")]
    [InlineData("/api/v1/lineage?urn={urn}&limit=0", "limit", "from 1 to 10000")]
    [InlineData("/api/v1/lineage?urn={urn}&limit=10001", "limit", "from 1 to 10000")]
    [InlineData("/api/v1/lineage?urn={urn}&direction=sideways", "direction", "'sideways' is not upstream, downstream or both")]
    [InlineData("/api/v1/lineage?urn=urn%3Ali%3Adataset%3A%28nope", "urn", "")]
    [InlineData("/api/v1/impact?urn=not-an-urn", "urn", "")]
    [InlineData("/api/v1/lineage/path?from=not-an-urn&to={urn}", "from", "")]
    [InlineData("/api/v1/lineage/path?from={urn}&to=urn%3Ali%3AmlModle%3Ax", "to", "unknown entity type 'mlModle'")]
    [InlineData("/api/v1/lineage?direction=upstream", "urn", "required query parameter is missing")]
    public async Task bad_parameters_are_400s_naming_the_parameter_and_the_allowed_range(string url, string path, string reason)
    {
        var response = await _gms.Http.GetAsync(url.Replace("{urn}", Q(Dataset)));

        var error = await DataHubWire.ErrorAsync(response, HttpStatusCode.BadRequest);
        error["path"]!.GetValue<string>().ShouldBe(path);
        error["message"]!.GetValue<string>().ShouldStartWith($"{path}: ");
        error["message"]!.GetValue<string>().ShouldContain(reason);
    }
}
