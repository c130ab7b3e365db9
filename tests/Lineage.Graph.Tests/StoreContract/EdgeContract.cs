using Lineage.Graph.Storage;
using static Lineage.Graph.Tests.StoreContract.Ops;

namespace Lineage.Graph.Tests.StoreContract;

/// <summary>model.md §3: edges come from aspects; writing an aspect replaces exactly that aspect's edges.</summary>
public abstract class EdgeContract<TFixture>(TFixture fx) : IClassFixture<TFixture> where TFixture : StoreFixture
{
    private readonly IGraphStore _store = fx.Store;
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task writing_an_aspect_replaces_exactly_the_edges_of_that_aspect_of_that_entity()
    {
        var model = Mint.Model();
        var other = Mint.Model();
        var (g1, g2, g3) = (Mint.Group(), Mint.Group(), Mint.Group());
        var owner = Mint.User();
        await _store.WriteBatchAsync(
            Upsert(model, "mlModelProperties", "{}", ("MemberOf", g1), ("MemberOf", g2)),
            Upsert(model, "ownership", "{}", ("OwnedBy", owner)),
            Upsert(other, "mlModelProperties", "{}", ("MemberOf", g1)));

        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"v": 2}""", ("MemberOf", g2), ("MemberOf", g3)));

        (await _store.OutgoingAsync(model)).Items.ShouldBe(
            [new("MemberOf", g2), new("MemberOf", g3), new("OwnedBy", owner)], ignoreOrder: true);
        (await _store.OutgoingAsync(other)).Items.ShouldBe([new RelatedEntity("MemberOf", g1)]);
        (await _store.IncomingAsync(g1)).Items.ShouldBe([new RelatedEntity("MemberOf", other)]);
    }

    [Fact]
    public async Task writing_an_aspect_with_no_edges_removes_its_edges()
    {
        var model = Mint.Model();
        var group = Mint.Group();
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", "{}", ("MemberOf", group)));

        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"groups": []}"""));

        (await _store.OutgoingAsync(model)).Total.ShouldBe(0);
        (await _store.IncomingAsync(group)).Total.ShouldBe(0);
    }

    [Fact]
    public async Task outgoing_edges_name_the_targets_and_incoming_edges_name_the_sources()
    {
        var (m1, m2) = (Mint.Model(), Mint.Model());
        var group = Mint.Group();
        var feature = Mint.Feature();
        await _store.WriteBatchAsync(
            Upsert(m1, "mlModelProperties", "{}", ("MemberOf", group), ("Consumes", feature)),
            Upsert(m2, "mlModelProperties", "{}", ("MemberOf", group)));

        var outgoing = await _store.OutgoingAsync(m1);
        var incoming = await _store.IncomingAsync(group);

        outgoing.Items.ShouldBe([new("Consumes", feature), new("MemberOf", group)], ignoreOrder: true);
        outgoing.Total.ShouldBe(2);
        incoming.Items.ShouldBe([new("MemberOf", m1), new("MemberOf", m2)], ignoreOrder: true);
        incoming.Total.ShouldBe(2);
        (await _store.OutgoingAsync(group)).Total.ShouldBe(0);
        (await _store.IncomingAsync(m1)).Total.ShouldBe(0);
    }

    [Fact]
    public async Task a_types_filter_keeps_only_the_relationships_named()
    {
        var model = Mint.Model();
        var (group, feature, owner) = (Mint.Group(), Mint.Feature(), Mint.User());
        await _store.WriteBatchAsync(
            Upsert(model, "mlModelProperties", "{}", ("MemberOf", group), ("Consumes", feature)),
            Upsert(model, "ownership", "{}", ("OwnedBy", owner)));

        var two = await _store.OutgoingAsync(model, "MemberOf", "OwnedBy");
        var one = await _store.OutgoingAsync(model, "Consumes");
        var none = await _store.OutgoingAsync(model, "TrainedBy");

        two.Items.ShouldBe([new("MemberOf", group), new("OwnedBy", owner)], ignoreOrder: true);
        two.Total.ShouldBe(2);
        one.Items.ShouldBe([new RelatedEntity("Consumes", feature)]);
        none.Items.ShouldBeEmpty();
        none.Total.ShouldBe(0);
    }

    [Fact]
    public async Task pages_are_cut_by_start_and_count_and_carry_the_full_total()
    {
        var group = Mint.Group();
        var models = Enumerable.Range(0, 5).Select(_ => Mint.Model()).ToList();
        await _store.WriteBatchAsync([.. models.Select(m => Upsert(m, "mlModelProperties", "{}", ("MemberOf", group)))]);

        var pages = new List<RelationshipPage>();
        foreach (var start in new[] { 0, 2, 4 })
            pages.Add(await _store.GetRelationshipsAsync(
                new RelationshipQuery(group, RelationshipDirection.Incoming, [], start, 2), Ct));

        pages.Select(p => p.Start).ShouldBe([0, 2, 4]);
        pages.Select(p => p.Total).ShouldBe([5, 5, 5]);
        pages.Select(p => p.Items.Count).ShouldBe([2, 2, 1]);
        pages.SelectMany(p => p.Items).Select(r => r.Urn).ShouldBe(models, ignoreOrder: true);
        var beyond = await _store.GetRelationshipsAsync(new RelationshipQuery(group, RelationshipDirection.Incoming, [], 10, 2), Ct);
        beyond.Items.ShouldBeEmpty();
        beyond.Total.ShouldBe(5);
    }

    [Fact]
    public async Task paging_twice_gives_the_same_order()
    {
        var model = Mint.Model();
        var groups = Enumerable.Range(0, 4).Select(_ => Mint.Group()).ToArray();
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", "{}", [.. groups.Select(g => ("MemberOf", g))]));

        var first = await _store.GetRelationshipsAsync(new RelationshipQuery(model, RelationshipDirection.Outgoing, [], 0, 4), Ct);
        var again = await _store.GetRelationshipsAsync(new RelationshipQuery(model, RelationshipDirection.Outgoing, [], 0, 4), Ct);

        again.Items.ShouldBe(first.Items);
    }

    [Fact]
    public async Task edges_to_urns_never_ingested_are_listed()
    {
        var model = Mint.Model();
        var ghost = Mint.Group();
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", "{}", ("MemberOf", ghost)));

        (await _store.OutgoingAsync(model)).Items.ShouldBe([new RelatedEntity("MemberOf", ghost)]);
        (await _store.IncomingAsync(ghost)).Items.ShouldBe([new RelatedEntity("MemberOf", model)]);
        (await _store.GetEntityAsync(ghost, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task a_soft_deleted_target_is_hidden_unless_removed_entities_are_asked_for()
    {
        var model = Mint.Model();
        var (kept, removed) = (Mint.Group(), Mint.Group());
        await _store.WriteBatchAsync(
            Upsert(model, "mlModelProperties", "{}", ("MemberOf", kept), ("MemberOf", removed)),
            Status(removed, removed: true));

        var hidden = await _store.OutgoingAsync(model);
        var shown = await _store.GetRelationshipsAsync(
            new RelationshipQuery(model, RelationshipDirection.Outgoing, [], 0, 10, IncludeRemoved: true), Ct);

        hidden.Items.ShouldBe([new RelatedEntity("MemberOf", kept)]);
        hidden.Total.ShouldBe(1);
        shown.Items.ShouldBe([new("MemberOf", kept), new("MemberOf", removed)], ignoreOrder: true);
        shown.Total.ShouldBe(2);
    }

    [Fact]
    public async Task a_soft_deleted_source_is_hidden_from_incoming_edges_unless_asked_for()
    {
        var group = Mint.Group();
        var (kept, removed) = (Mint.Model(), Mint.Model());
        await _store.WriteBatchAsync(
            Upsert(kept, "mlModelProperties", "{}", ("MemberOf", group)),
            Upsert(removed, "mlModelProperties", "{}", ("MemberOf", group)),
            Status(removed, removed: true));

        var hidden = await _store.IncomingAsync(group);
        var shown = await _store.GetRelationshipsAsync(
            new RelationshipQuery(group, RelationshipDirection.Incoming, [], 0, 10, IncludeRemoved: true), Ct);

        hidden.Items.ShouldBe([new RelatedEntity("MemberOf", kept)]);
        hidden.Total.ShouldBe(1);
        shown.Total.ShouldBe(2);
    }

    [Fact]
    public async Task an_entity_restored_by_its_status_or_by_deleting_the_status_is_listed_again()
    {
        var model = Mint.Model();
        var (g1, g2) = (Mint.Group(), Mint.Group());
        await _store.WriteBatchAsync(
            Upsert(model, "mlModelProperties", "{}", ("MemberOf", g1), ("MemberOf", g2)),
            Status(g1, removed: true),
            Status(g2, removed: true));
        (await _store.OutgoingAsync(model)).Total.ShouldBe(0);

        await _store.WriteBatchAsync(Status(g1, removed: false), Delete(g2, "status"));

        (await _store.OutgoingAsync(model)).Items.ShouldBe([new("MemberOf", g1), new("MemberOf", g2)], ignoreOrder: true);
    }

    [Fact]
    public async Task the_same_relationship_from_two_aspects_is_listed_once()
    {
        var model = Mint.Model();
        var owner = Mint.User();
        await _store.WriteBatchAsync(
            Upsert(model, "ownership", "{}", ("OwnedBy", owner)),
            Upsert(model, "editableOwnership", "{}", ("OwnedBy", owner)));

        var outgoing = await _store.OutgoingAsync(model);
        var incoming = await _store.IncomingAsync(owner);

        outgoing.Items.ShouldBe([new RelatedEntity("OwnedBy", owner)]);
        outgoing.Total.ShouldBe(1);
        incoming.Items.ShouldBe([new RelatedEntity("OwnedBy", model)]);
        incoming.Total.ShouldBe(1);
    }

    [Fact]
    public async Task a_relationship_from_two_aspects_stays_while_one_of_them_still_produces_it()
    {
        var model = Mint.Model();
        var owner = Mint.User();
        await _store.WriteBatchAsync(
            Upsert(model, "ownership", "{}", ("OwnedBy", owner)),
            Upsert(model, "editableOwnership", "{}", ("OwnedBy", owner)));

        await _store.WriteOneAsync(Delete(model, "ownership"));

        (await _store.OutgoingAsync(model)).Items.ShouldBe([new RelatedEntity("OwnedBy", owner)]);
    }

    [Fact]
    public async Task the_same_target_under_two_relationship_types_is_listed_once_per_type()
    {
        var model = Mint.Model();
        var job = Mint.Feature();
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", "{}", ("Consumes", job), ("DerivedFrom", job)));

        (await _store.OutgoingAsync(model)).Items.ShouldBe([new("Consumes", job), new("DerivedFrom", job)], ignoreOrder: true);
    }
}
