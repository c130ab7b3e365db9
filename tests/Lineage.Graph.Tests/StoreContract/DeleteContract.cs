using Lineage.Graph.Storage;
using static Lineage.Graph.Tests.StoreContract.Ops;

namespace Lineage.Graph.Tests.StoreContract;

/// <summary>Hard deletes: the entity's own data goes, references to it from others stay.</summary>
public abstract class DeleteContract<TFixture>(TFixture fx) : IClassFixture<TFixture> where TFixture : StoreFixture
{
    private readonly IGraphStore _store = fx.Store;
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task deleting_an_entity_removes_its_aspects_their_history_and_its_outgoing_edges()
    {
        var model = Mint.Model();
        var (group, owner) = (Mint.Group(), Mint.User());
        await _store.WriteBatchAsync(
            Upsert(model, "mlModelProperties", """{"name": "one"}""", ("MemberOf", group)),
            Upsert(model, "ownership", "{}", ("OwnedBy", owner)));
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "two"}""", ("MemberOf", group)));

        var outcome = await _store.WriteOneAsync(DeleteEntity(model));

        outcome.Effect.ShouldBe(WriteEffect.Deleted);
        outcome.Sequence.ShouldNotBeNull();
        (await _store.GetEntityAsync(model, Ct)).ShouldBeNull();
        (await _store.GetAspectAsync(model, "mlModelProperties", 0, Ct)).ShouldBeNull();
        (await _store.GetAspectAsync(model, "mlModelProperties", 1, Ct)).ShouldBeNull();
        (await _store.GetAspectVersionsAsync(model, "mlModelProperties", Ct)).ShouldBeEmpty();
        (await _store.GetAspectVersionsAsync(model, "ownership", Ct)).ShouldBeEmpty();
        (await _store.OutgoingAsync(model)).Total.ShouldBe(0);
        (await _store.IncomingAsync(group)).Total.ShouldBe(0);
        (await _store.IncomingAsync(owner)).Total.ShouldBe(0);
    }

    [Fact]
    public async Task edges_from_other_entities_to_a_deleted_entity_stay()
    {
        var group = Mint.Group();
        var model = Mint.Model();
        await _store.WriteBatchAsync(
            Upsert(group, "mlModelGroupProperties", """{"name": "g"}"""),
            Upsert(model, "mlModelProperties", "{}", ("MemberOf", group)));

        await _store.WriteOneAsync(DeleteEntity(group));

        (await _store.GetEntityAsync(group, Ct)).ShouldBeNull();
        (await _store.OutgoingAsync(model)).Items.ShouldBe([new RelatedEntity("MemberOf", group)]);
        (await _store.IncomingAsync(group)).Items.ShouldBe([new RelatedEntity("MemberOf", model)]);
    }

    [Fact]
    public async Task deleting_an_unknown_entity_is_skipped()
    {
        var model = Mint.Model();

        var outcome = await _store.WriteOneAsync(DeleteEntity(model));

        outcome.Effect.ShouldBe(WriteEffect.Skipped);
        outcome.Sequence.ShouldBeNull();
        (await _store.ChangesForAsync(model)).ShouldBeEmpty();
    }

    [Fact]
    public async Task deleting_an_entity_twice_skips_the_second_delete()
    {
        var model = Mint.Model();
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", "{}"));
        await _store.WriteOneAsync(DeleteEntity(model));

        var again = await _store.WriteOneAsync(DeleteEntity(model));

        again.Effect.ShouldBe(WriteEffect.Skipped);
    }

    [Fact]
    public async Task deleting_a_soft_deleted_entity_forgets_that_it_was_removed()
    {
        var model = Mint.Model();
        var group = Mint.Group();
        await _store.WriteBatchAsync(
            Upsert(model, "mlModelProperties", "{}", ("MemberOf", group)),
            Status(group, removed: true));

        await _store.WriteOneAsync(DeleteEntity(group));

        (await _store.OutgoingAsync(model)).Items.ShouldBe([new RelatedEntity("MemberOf", group)]);
    }

    [Fact]
    public async Task an_entity_written_again_after_a_hard_delete_starts_from_revision_1()
    {
        var model = Mint.Model();
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "one"}"""));
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "two"}"""));
        await _store.WriteOneAsync(DeleteEntity(model));

        var outcome = await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "again"}"""));

        outcome.Effect.ShouldBe(WriteEffect.Created);
        outcome.Revision.ShouldBe(1);
        (await _store.GetAspectVersionsAsync(model, "mlModelProperties", Ct)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task deleting_one_entity_leaves_its_neighbours_aspects_alone()
    {
        var (m1, m2) = (Mint.Model(), Mint.Model());
        var group = Mint.Group();
        await _store.WriteBatchAsync(
            Upsert(m1, "mlModelProperties", "{}", ("MemberOf", group)),
            Upsert(m2, "mlModelProperties", "{}", ("MemberOf", group)));

        await _store.WriteOneAsync(DeleteEntity(m1));

        (await _store.GetEntityAsync(m2, Ct)).ShouldNotBeNull();
        (await _store.IncomingAsync(group)).Items.ShouldBe([new RelatedEntity("MemberOf", m2)]);
    }
}
