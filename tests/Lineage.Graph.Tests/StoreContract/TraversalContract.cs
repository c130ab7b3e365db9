using Lineage.Graph.Registry;
using Lineage.Graph.Storage;
using Lineage.Graph.Traversal;
using static Lineage.Graph.Tests.StoreContract.Ops;

namespace Lineage.Graph.Tests.StoreContract;

/// <summary>
/// model.md §3: a lineage walk follows each edge the way its lineage role says (DerivedFrom's target is upstream of
/// the feature; MemberOf's target is downstream of the model), breadth-first, each node once at its fewest hops.
/// </summary>
public abstract partial class TraversalContract<TFixture>(TFixture fx) : IClassFixture<TFixture> where TFixture : StoreFixture
{
    private const LineageRole Up = LineageRole.TargetIsUpstream;
    private const LineageRole Down = LineageRole.TargetIsDownstream;
    private const LineageDirection Upstream = LineageDirection.Upstream;
    private const LineageDirection Downstream = LineageDirection.Downstream;
    private readonly IGraphStore _store = fx.Store;
    private static readonly CancellationToken Ct = CancellationToken.None;

    /// <summary>dataset → feature → model → group, model → job → output: both kinds of role on one chain.</summary>
    private sealed record Estate(string Dataset, string Feature, string Model, string Group, string Job, string Output);

    private async Task<Estate> WriteEstateAsync()
    {
        var e = new Estate(Mint.Dataset(), Mint.Feature(), Mint.Model(), Mint.Group(), Mint.Job(), Mint.Dataset());
        await _store.WriteBatchAsync(
            Upsert(e.Dataset, "datasetProperties", "{}"),
            UpsertLineage(e.Feature, "mlFeatureProperties", "{}", ("DerivedFrom", e.Dataset, Up)),
            UpsertLineage(e.Model, "mlModelProperties", "{}", ("Consumes", e.Feature, Up), ("MemberOf", e.Group, Down), ("UsedBy", e.Job, Down)),
            Upsert(e.Group, "mlModelGroupProperties", "{}"),
            UpsertLineage(e.Job, "dataJobInputOutput", "{}", ("Produces", e.Output, Down)),
            Upsert(e.Output, "datasetProperties", "{}"));
        return e;
    }

    [Fact]
    public async Task downstream_follows_upstream_targets_backwards_and_downstream_targets_forwards()
    {
        var e = await WriteEstateAsync();

        var walk = await WalkAsync(e.Dataset, Downstream);

        walk.Nodes.ShouldBe(Ordered(
            Node(e.Dataset, 0, null, null),
            Node(e.Feature, 1, e.Dataset, "DerivedFrom"),
            Node(e.Model, 2, e.Feature, "Consumes"),
            Node(e.Group, 3, e.Model, "MemberOf"),
            Node(e.Job, 3, e.Model, "UsedBy"),
            Node(e.Output, 4, e.Job, "Produces")));
        walk.Truncated.ShouldBeFalse();
        walk.Edges.ShouldBe(
        [
            new(e.Feature, e.Dataset, "DerivedFrom", e.Dataset),
            new(e.Model, e.Feature, "Consumes", e.Feature),
            new(e.Model, e.Group, "MemberOf", e.Model),
            new(e.Model, e.Job, "UsedBy", e.Model),
            new(e.Job, e.Output, "Produces", e.Job),
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task upstream_follows_upstream_targets_forwards_and_downstream_targets_backwards()
    {
        var e = await WriteEstateAsync();

        var walk = await WalkAsync(e.Output, Upstream);

        walk.Nodes.ShouldBe(Ordered(
            Node(e.Output, 0, null, null),
            Node(e.Job, 1, e.Output, "Produces"),
            Node(e.Model, 2, e.Job, "UsedBy"),
            Node(e.Feature, 3, e.Model, "Consumes"),
            Node(e.Dataset, 4, e.Feature, "DerivedFrom")));
        walk.Edges.ShouldBe(
        [
            new(e.Feature, e.Dataset, "DerivedFrom", e.Dataset),
            new(e.Model, e.Feature, "Consumes", e.Feature),
            new(e.Model, e.Job, "UsedBy", e.Model),
            new(e.Job, e.Output, "Produces", e.Job),
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task a_leaf_walked_the_other_way_reaches_only_itself()
    {
        var e = await WriteEstateAsync();

        var up = await WalkAsync(e.Dataset, Upstream);
        var down = await WalkAsync(e.Group, Downstream);

        up.Nodes.ShouldBe([Node(e.Dataset, 0, null, null)]);
        up.Edges.ShouldBeEmpty();
        down.Nodes.ShouldBe([Node(e.Group, 0, null, null)]);
        down.Edges.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_node_is_placed_at_its_fewest_hops()
    {
        var (d, f, m, g) = (Mint.Dataset(), Mint.Feature(), Mint.Model(), Mint.Group());
        // d → f → m → g, and a shortcut d → m (the model also reads the dataset through a job-like Consumes).
        await _store.WriteBatchAsync(
            Upsert(d, "datasetProperties", "{}"),
            UpsertLineage(f, "mlFeatureProperties", "{}", ("DerivedFrom", d, Up)),
            UpsertLineage(m, "mlModelProperties", "{}", ("Consumes", f, Up), ("Consumes", d, Up), ("MemberOf", g, Down)),
            Upsert(g, "mlModelGroupProperties", "{}"));

        var walk = await WalkAsync(d, Downstream);

        walk.Nodes.ShouldBe(Ordered(
            Node(d, 0, null, null),
            Node(f, 1, d, "DerivedFrom"),
            Node(m, 1, d, "Consumes"),
            Node(g, 2, m, "MemberOf")));
        walk.Edges.Count.ShouldBe(4);
    }

    [Fact]
    public async Task a_diamond_returns_the_far_node_once_with_the_smallest_parent_urn()
    {
        var d = Mint.Dataset();
        var (f1, f2) = Sorted(Mint.Feature(), Mint.Feature());
        var m = Mint.Model();
        await _store.WriteBatchAsync(
            Upsert(d, "datasetProperties", "{}"),
            UpsertLineage(f2, "mlFeatureProperties", "{}", ("DerivedFrom", d, Up)),
            UpsertLineage(f1, "mlFeatureProperties", "{}", ("DerivedFrom", d, Up)),
            UpsertLineage(m, "mlModelProperties", "{}", ("Consumes", f2, Up), ("Consumes", f1, Up)));

        var walk = await WalkAsync(d, Downstream);

        walk.Nodes.ShouldBe(
        [
            Node(d, 0, null, null),
            Node(f1, 1, d, "DerivedFrom"),
            Node(f2, 1, d, "DerivedFrom"),
            Node(m, 2, f1, "Consumes"),
        ]);
        walk.Edges.ShouldBe(
        [
            new(f1, d, "DerivedFrom", d),
            new(f2, d, "DerivedFrom", d),
            new(m, f1, "Consumes", f1),
            new(m, f2, "Consumes", f2),
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task a_node_reached_through_two_relationships_from_one_parent_names_the_smallest()
    {
        var (f, m) = (Mint.Feature(), Mint.Model());
        await _store.WriteBatchAsync(
            Upsert(f, "mlFeatureProperties", "{}"),
            UpsertLineage(m, "mlModelProperties", "{}", ("DerivedFrom", f, Up), ("Consumes", f, Up)));

        var walk = await WalkAsync(f, Downstream);

        walk.Nodes.ShouldBe([Node(f, 0, null, null), Node(m, 1, f, "Consumes")]);
        walk.Edges.ShouldBe([new(m, f, "Consumes", f), new(m, f, "DerivedFrom", f)], ignoreOrder: true);
    }

    [Fact]
    public async Task a_cycle_ends_with_each_node_once()
    {
        var (a, b, c) = (Mint.Dataset(), Mint.Dataset(), Mint.Dataset());
        // a → b → c → a: each dataset's upstreamLineage names the one before it.
        await _store.WriteBatchAsync(
            UpsertLineage(b, "upstreamLineage", "{}", ("DownstreamOf", a, Up)),
            UpsertLineage(c, "upstreamLineage", "{}", ("DownstreamOf", b, Up)),
            UpsertLineage(a, "upstreamLineage", "{}", ("DownstreamOf", c, Up)));

        var down = await WalkAsync(a, Downstream, maxHops: 10);
        var up = await WalkAsync(a, Upstream, maxHops: 10);

        down.Nodes.ShouldBe([Node(a, 0, null, null), Node(b, 1, a, "DownstreamOf"), Node(c, 2, b, "DownstreamOf")]);
        up.Nodes.ShouldBe([Node(a, 0, null, null), Node(c, 1, a, "DownstreamOf"), Node(b, 2, c, "DownstreamOf")]);
        down.Edges.ShouldBe(
        [
            new(b, a, "DownstreamOf", a),
            new(c, b, "DownstreamOf", b),
            new(a, c, "DownstreamOf", c),
        ], ignoreOrder: true);
        up.Edges.ShouldBe(down.Edges, ignoreOrder: true);
    }

    [Fact]
    public async Task a_self_loop_ends_and_is_listed_among_the_edges()
    {
        var (d, f) = (Mint.Dataset(), Mint.Feature());
        await _store.WriteBatchAsync(
            UpsertLineage(d, "upstreamLineage", "{}", ("DownstreamOf", d, Up)),
            UpsertLineage(f, "mlFeatureProperties", "{}", ("DerivedFrom", d, Up)));

        var walk = await WalkAsync(d, Downstream, maxHops: 10);

        walk.Nodes.ShouldBe([Node(d, 0, null, null), Node(f, 1, d, "DerivedFrom")]);
        walk.Edges.ShouldBe([new(d, d, "DownstreamOf", d), new(f, d, "DerivedFrom", d)], ignoreOrder: true);
    }

    [Fact]
    public async Task an_edge_to_an_urn_never_ingested_reaches_it_as_not_existing()
    {
        var (m, ghost) = (Mint.Model(), Mint.Group());
        await _store.WriteOneAsync(UpsertLineage(m, "mlModelProperties", "{}", ("MemberOf", ghost, Down)));

        var down = await WalkAsync(m, Downstream);
        var up = await WalkAsync(ghost, Upstream);

        down.Nodes.ShouldBe([Node(m, 0, null, null), Node(ghost, 1, m, "MemberOf", exists: false)]);
        down.Edges.ShouldBe([new LineageEdge(m, ghost, "MemberOf", m)]);
        up.Nodes.ShouldBe([Node(ghost, 0, null, null, exists: false), Node(m, 1, ghost, "MemberOf")]);
    }

    [Fact]
    public async Task a_root_nothing_mentions_is_returned_alone_as_not_existing()
    {
        var nobody = Mint.Model();

        var walk = await WalkAsync(nobody, Downstream);

        walk.Nodes.ShouldBe([Node(nobody, 0, null, null, exists: false)]);
        walk.Edges.ShouldBeEmpty();
        walk.Truncated.ShouldBeFalse();
    }

    [Fact]
    public async Task a_hard_deleted_entity_still_referenced_is_reached_as_not_existing_and_its_own_edges_are_gone()
    {
        var (d, f, m) = (Mint.Dataset(), Mint.Feature(), Mint.Model());
        await _store.WriteBatchAsync(
            Upsert(d, "datasetProperties", "{}"),
            UpsertLineage(f, "mlFeatureProperties", "{}", ("DerivedFrom", d, Up)),
            UpsertLineage(m, "mlModelProperties", "{}", ("Consumes", f, Up)));

        await _store.WriteOneAsync(DeleteEntity(f));

        (await WalkAsync(m, Upstream)).Nodes.ShouldBe([Node(m, 0, null, null), Node(f, 1, m, "Consumes", exists: false)]);
        (await WalkAsync(d, Downstream)).Nodes.ShouldBe([Node(d, 0, null, null)]);
    }

    private Task<TraversalResult> WalkAsync(string root, LineageDirection direction, int maxHops = 10,
        string[]? types = null, bool includeRemoved = false, int maxNodes = 1000) =>
        new LineageWalk(_store).TraverseAsync(new TraversalQuery(root, direction, maxHops, types ?? [], includeRemoved, maxNodes), Ct);

    private static ReachedNode Node(string urn, int degree, string? parent, string? relationship, bool removed = false, bool exists = true) =>
        new(urn, degree, parent, relationship, removed, exists);

    /// <summary>The order a store answers in: by degree, then by urn (ordinal).</summary>
    private static ReachedNode[] Ordered(params ReachedNode[] nodes) =>
        [.. nodes.OrderBy(n => n.Degree).ThenBy(n => n.Urn, StringComparer.Ordinal)];

    private static string[] InOrder(params string[] urns) => [.. urns.Order(StringComparer.Ordinal)];

    private static (string Smaller, string Larger) Sorted(string a, string b) =>
        string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
}
