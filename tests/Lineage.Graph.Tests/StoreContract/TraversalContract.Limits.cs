using Lineage.Graph.Traversal;
using static Lineage.Graph.Tests.StoreContract.Ops;

namespace Lineage.Graph.Tests.StoreContract;

// The walk's limits and filters: hops, relationship types, soft-deleted nodes, node cap, non-lineage edges; and the
// batch aspect read that dresses a walk.
public abstract partial class TraversalContract<TFixture>
{
    [Fact]
    public async Task max_hops_stops_the_walk_without_truncating_it()
    {
        var e = await WriteEstateAsync();

        var one = await WalkAsync(e.Dataset, Downstream, maxHops: 1);
        var three = await WalkAsync(e.Dataset, Downstream, maxHops: 3);

        one.Nodes.Select(n => n.Urn).ShouldBe([e.Dataset, e.Feature]);
        one.Edges.ShouldBe([new LineageEdge(e.Feature, e.Dataset, "DerivedFrom", e.Dataset)]);
        one.Truncated.ShouldBeFalse();
        three.Nodes.Select(n => n.Urn).ShouldBe([e.Dataset, e.Feature, e.Model, .. InOrder(e.Group, e.Job)]);
        three.Nodes.Max(n => n.Degree).ShouldBe(3);
        three.Edges.Select(x => x.Target).ShouldNotContain(e.Output);
        three.Truncated.ShouldBeFalse();
    }

    [Fact]
    public async Task a_relationship_filter_follows_and_returns_only_the_relationships_named()
    {
        var (d, f, t, m) = (Mint.Dataset(), Mint.Feature(), Mint.FeatureTable(), Mint.Model());
        await _store.WriteBatchAsync(
            Upsert(d, "datasetProperties", "{}"),
            UpsertLineage(f, "mlFeatureProperties", "{}", ("DerivedFrom", d, Up)),
            UpsertLineage(t, "mlFeatureTableProperties", "{}", ("Contains", f, Up)),
            // A lineage edge of an unnamed type between two nodes the walk returns is left out too.
            UpsertLineage(m, "mlModelProperties", "{}", ("Consumes", f, Up), ("TrainedBy", d, Up)));

        var walk = await WalkAsync(d, Downstream, types: ["DerivedFrom", "Consumes"]);

        walk.Nodes.ShouldBe([Node(d, 0, null, null), Node(f, 1, d, "DerivedFrom"), Node(m, 2, f, "Consumes")]);
        walk.Edges.ShouldBe([new(f, d, "DerivedFrom", d), new(m, f, "Consumes", f)], ignoreOrder: true);
        (await WalkAsync(d, Downstream, types: ["Contains"])).Nodes.ShouldBe([Node(d, 0, null, null)]);
    }

    [Fact]
    public async Task a_soft_deleted_node_is_not_walked_into_unless_removed_nodes_are_asked_for()
    {
        var (d, f, m) = (Mint.Dataset(), Mint.Feature(), Mint.Model());
        await _store.WriteBatchAsync(
            Upsert(d, "datasetProperties", "{}"),
            UpsertLineage(f, "mlFeatureProperties", "{}", ("DerivedFrom", d, Up)),
            UpsertLineage(m, "mlModelProperties", "{}", ("Consumes", f, Up)),
            Status(f, removed: true));

        var hidden = await WalkAsync(d, Downstream);
        var shown = await WalkAsync(d, Downstream, includeRemoved: true);

        hidden.Nodes.ShouldBe([Node(d, 0, null, null)]);
        hidden.Edges.ShouldBeEmpty();
        shown.Nodes.ShouldBe([Node(d, 0, null, null), Node(f, 1, d, "DerivedFrom", removed: true), Node(m, 2, f, "Consumes")]);
        shown.Edges.Count.ShouldBe(2);
    }

    [Fact]
    public async Task a_soft_deleted_root_is_still_the_root_and_is_walked_from()
    {
        var (d, f) = (Mint.Dataset(), Mint.Feature());
        await _store.WriteBatchAsync(
            UpsertLineage(f, "mlFeatureProperties", "{}", ("DerivedFrom", d, Up)),
            Status(d, removed: true));

        var walk = await WalkAsync(d, Downstream);

        walk.Nodes.ShouldBe([Node(d, 0, null, null, removed: true), Node(f, 1, d, "DerivedFrom")]);
        walk.Edges.ShouldBe([new LineageEdge(f, d, "DerivedFrom", d)]);
    }

    [Fact]
    public async Task a_restored_node_is_walked_into_again()
    {
        var (d, f) = (Mint.Dataset(), Mint.Feature());
        await _store.WriteBatchAsync(
            Upsert(d, "datasetProperties", "{}"),
            UpsertLineage(f, "mlFeatureProperties", "{}", ("DerivedFrom", d, Up)),
            Status(f, removed: true));

        await _store.WriteOneAsync(Status(f, removed: false));

        (await WalkAsync(d, Downstream)).Nodes.ShouldBe([Node(d, 0, null, null), Node(f, 1, d, "DerivedFrom")]);
    }

    [Fact]
    public async Task max_nodes_keeps_the_nearest_then_the_smallest_urns_and_says_truncated()
    {
        var d = Mint.Dataset();
        var features = Enumerable.Range(0, 5).Select(_ => Mint.Feature()).Order(StringComparer.Ordinal).ToList();
        var m = Mint.Model();
        await _store.WriteBatchAsync(
        [
            Upsert(d, "datasetProperties", "{}"),
            .. features.Select(f => UpsertLineage(f, "mlFeatureProperties", "{}", ("DerivedFrom", d, Up))),
            UpsertLineage(m, "mlModelProperties", "{}", ("Consumes", features[0], Up)),
        ]);

        var four = await WalkAsync(d, Downstream, maxNodes: 4);
        var exact = await WalkAsync(d, Downstream, maxNodes: 7);
        var one = await WalkAsync(d, Downstream, maxNodes: 1);

        four.Nodes.Select(n => n.Urn).ShouldBe([d, features[0], features[1], features[2]]);
        four.Truncated.ShouldBeTrue();
        four.Edges.Select(x => x.Source).ShouldBe(features.Take(3), ignoreOrder: true);
        exact.Nodes.Select(n => n.Urn).ShouldBe([d, .. features, m]);
        exact.Truncated.ShouldBeFalse();
        one.Nodes.ShouldBe([Node(d, 0, null, null)]);
        one.Edges.ShouldBeEmpty();
        one.Truncated.ShouldBeTrue();
    }

    [Fact]
    public async Task edges_that_are_not_lineage_are_never_followed_nor_returned()
    {
        var (d, f, owner) = (Mint.Dataset(), Mint.Feature(), Mint.User());
        var tagged = Mint.Model();
        await _store.WriteBatchAsync(
            UpsertLineage(f, "mlFeatureProperties", "{}", ("DerivedFrom", d, Up)),
            Upsert(f, "ownership", "{}", ("OwnedBy", owner)),
            Upsert(tagged, "ownership", "{}", ("OwnedBy", owner)),
            // A non-lineage edge between two nodes the walk returns is not an edge of the answer.
            Upsert(d, "ownership", "{}", ("OwnedBy", f)));

        foreach (var direction in new[] { Upstream, Downstream })
        {
            (await WalkAsync(owner, direction)).Nodes.ShouldBe([Node(owner, 0, null, null, exists: false)]);
            (await WalkAsync(f, direction)).Nodes.Select(n => n.Urn).ShouldNotContain(owner);
        }
        var down = await WalkAsync(d, Downstream);
        down.Nodes.Select(n => n.Urn).ShouldBe([d, f]);
        down.Edges.ShouldBe([new LineageEdge(f, d, "DerivedFrom", d)]);
    }

    [Fact]
    public async Task the_edges_are_the_lineage_edges_among_the_nodes_returned_and_no_others()
    {
        var e = await WriteEstateAsync();
        var trainer = Mint.Job();
        await _store.WriteOneAsync(UpsertLineage(e.Model, "mlModelProperties", "{}",
            ("Consumes", e.Feature, Up), ("MemberOf", e.Group, Down), ("UsedBy", e.Job, Down), ("TrainedBy", trainer, Up)));

        var walk = await WalkAsync(e.Feature, Downstream, maxHops: 2);

        walk.Nodes.Select(n => n.Urn).ShouldBe([e.Feature, e.Model, .. InOrder(e.Group, e.Job)]);
        // Not the dataset's edge (upstream of the root), not the trainer's (upstream of the model), not the output's (3 hops).
        walk.Edges.ShouldBe(
        [
            new(e.Model, e.Feature, "Consumes", e.Feature),
            new(e.Model, e.Group, "MemberOf", e.Model),
            new(e.Model, e.Job, "UsedBy", e.Model),
        ], ignoreOrder: true);
        walk.Edges.ShouldAllBe(x => x.Downstream != x.Upstream);
    }

    [Fact]
    public async Task latest_aspects_are_read_for_the_urns_that_have_them_and_the_others_are_left_out()
    {
        var (m1, m2, bare, ghost) = (Mint.Model(), Mint.Model(), Mint.Model(), Mint.Model());
        await _store.WriteBatchAsync(
            Upsert(m1, "deprecation", """{"deprecated": false}"""),
            Upsert(m2, "deprecation", """{"deprecated": true}"""),
            Upsert(bare, "mlModelProperties", "{}"));
        await _store.WriteOneAsync(Upsert(m1, "deprecation", """{"deprecated": true, "note": "v2"}"""));

        var read = await _store.GetLatestAspectsAsync([m1, m2, bare, ghost], "deprecation", Ct);

        read.Keys.ShouldBe([m1, m2], ignoreOrder: true);
        read[m1].Version.ShouldBe(0);
        read[m1].Value["note"]!.GetValue<string>().ShouldBe("v2");
        read[m2].Value["deprecated"]!.GetValue<bool>().ShouldBeTrue();
        (await _store.GetLatestAspectsAsync([], "deprecation", Ct)).ShouldBeEmpty();
    }
}
