using Lineage.Graph.Changes;
using Lineage.Graph.Storage;
using static Lineage.Graph.Tests.StoreContract.Ops;

namespace Lineage.Graph.Tests.StoreContract;

/// <summary>What one store instance committed, another instance over the same data sees (a restart).</summary>
public abstract class RestartContract<TFixture>(TFixture fx) : IClassFixture<TFixture> where TFixture : StoreFixture
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task a_new_store_instance_over_the_same_data_sees_everything()
    {
        var model = Mint.Model();
        var (group, removedGroup) = (Mint.Group(), Mint.Group());
        var deleted = Mint.Model();
        await fx.Store.WriteBatchAsync(
            Upsert(model, "mlModelProperties", """{"name": "one"}""", ("MemberOf", group), ("MemberOf", removedGroup))
                with { SystemMetadata = Json("""{"runId": "r1"}""") },
            Status(removedGroup, removed: true),
            Upsert(deleted, "mlModelProperties", "{}"));
        await fx.Store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "two"}""", ("MemberOf", group)));
        await fx.Store.WriteOneAsync(DeleteEntity(deleted));
        var changesBefore = await fx.Store.ChangesForAsync(model, removedGroup, deleted);

        var restarted = await fx.OpenAnotherAsync();

        var entity = (await restarted.GetEntityAsync(model, Ct)).ShouldNotBeNull();
        entity.Aspects.Single().Value["name"]!.GetValue<string>().ShouldBe("two");
        var versions = await restarted.GetAspectVersionsAsync(model, "mlModelProperties", Ct);
        versions.Select(v => (v.Version, v.Revision)).ShouldBe([(0L, 2L), (1L, 1L)]);
        versions[1].SystemMetadata!["runId"]!.GetValue<string>().ShouldBe("r1");
        (await restarted.GetEntityAsync(removedGroup, Ct)).ShouldNotBeNull().Removed.ShouldBeTrue();
        (await restarted.GetEntityAsync(deleted, Ct)).ShouldBeNull();
        (await restarted.OutgoingAsync(model)).Items.ShouldBe([new RelatedEntity("MemberOf", group)]);
        (await restarted.IncomingAsync(group)).Items.ShouldBe([new RelatedEntity("MemberOf", model)]);
        var changesAfter = await restarted.ChangesForAsync(model, removedGroup, deleted);
        changesAfter.Select(Summary).ShouldBe(changesBefore.Select(Summary));
        changesAfter.Last().Kind.ShouldBe(ChangeKind.EntityDeleted);
    }

    [Fact]
    public async Task a_new_store_instance_continues_the_revision_count_and_the_change_feed()
    {
        var model = Mint.Model();
        var first = await fx.Store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "one"}"""));

        var restarted = await fx.OpenAnotherAsync();
        var second = await restarted.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "two"}"""));

        second.Revision.ShouldBe(2);
        second.Sequence!.Value.ShouldBeGreaterThan(first.Sequence!.Value);
        (await fx.Store.GetAspectAsync(model, "mlModelProperties", 0, Ct))!.Revision.ShouldBe(2);
    }

    private static (long, string, string?, ChangeKind, long) Summary(ChangeRecord c) => (c.Sequence, c.Urn, c.Aspect, c.Kind, c.Revision);
}
