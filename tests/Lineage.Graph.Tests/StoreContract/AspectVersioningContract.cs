using Lineage.Graph.Errors;
using Lineage.Graph.Storage;
using static Lineage.Graph.Tests.StoreContract.Ops;

namespace Lineage.Graph.Tests.StoreContract;

/// <summary>model.md §2: version 0 is the latest, history moves to max + 1, identical writes add nothing; conditions and atomicity.</summary>
public abstract class AspectVersioningContract<TFixture>(TFixture fx) : IClassFixture<TFixture> where TFixture : StoreFixture
{
    private readonly IGraphStore _store = fx.Store;
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task the_first_write_of_an_aspect_is_revision_1_at_version_0()
    {
        var model = Mint.Model();

        var outcome = await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "first"}"""));

        outcome.Effect.ShouldBe(WriteEffect.Created);
        outcome.Revision.ShouldBe(1);
        outcome.Sequence.ShouldNotBeNull();
        var latest = (await _store.GetAspectAsync(model, "mlModelProperties", 0, Ct)).ShouldNotBeNull();
        latest.Version.ShouldBe(0);
        latest.Revision.ShouldBe(1);
        latest.Value["name"]!.GetValue<string>().ShouldBe("first");
        (await _store.GetAspectVersionsAsync(model, "mlModelProperties", Ct)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task rewriting_an_identical_aspect_with_its_keys_in_another_order_adds_no_version()
    {
        var model = Mint.Model();
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "m", "tags": ["a", "b"], "date": 1}"""));

        var outcome = await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"date": 1.0, "tags": ["a", "b"], "name": "m"}"""));

        outcome.Effect.ShouldBe(WriteEffect.Unchanged);
        outcome.Revision.ShouldBe(1);
        outcome.Sequence.ShouldBeNull();
        var versions = await _store.GetAspectVersionsAsync(model, "mlModelProperties", Ct);
        versions.Select(v => (v.Version, v.Revision)).ShouldBe([(0L, 1L)]);
    }

    [Fact]
    public async Task a_changed_value_moves_the_previous_one_to_the_next_free_version()
    {
        var model = Mint.Model();
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "one"}"""));

        var second = await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "two"}"""));
        var third = await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "three"}"""));

        second.Effect.ShouldBe(WriteEffect.Updated);
        second.Revision.ShouldBe(2);
        third.Revision.ShouldBe(3);
        (await NameAt(model, 0)).ShouldBe("three");
        (await NameAt(model, 1)).ShouldBe("one");
        (await NameAt(model, 2)).ShouldBe("two");
        (await _store.GetAspectAsync(model, "mlModelProperties", 3, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task versions_are_listed_latest_first_then_newest_history_to_oldest()
    {
        var model = Mint.Model();
        foreach (var name in new[] { "one", "two", "three", "four" })
            await _store.WriteOneAsync(Upsert(model, "mlModelProperties", $$"""{"name": "{{name}}"}"""));

        var versions = await _store.GetAspectVersionsAsync(model, "mlModelProperties", Ct);

        versions.Select(v => v.Version).ShouldBe([0L, 3L, 2L, 1L]);
        versions.Select(v => v.Revision).ShouldBe([4L, 3L, 2L, 1L]);
        versions.Select(v => v.Value["name"]!.GetValue<string>()).ShouldBe(["four", "three", "two", "one"]);
    }

    [Fact]
    public async Task versions_of_an_aspect_never_written_are_an_empty_list()
    {
        var versions = await _store.GetAspectVersionsAsync(Mint.Model(), "mlModelProperties", Ct);

        versions.ShouldBeEmpty();
    }

    [Fact]
    public async Task create_of_an_existing_aspect_throws_a_conflict_naming_the_operation_and_writes_nothing()
    {
        var model = Mint.Model();
        var other = Mint.Model();
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "kept"}"""));

        var conflict = await Should.ThrowAsync<ConflictException>(() => _store.WriteBatchAsync(
            Upsert(other, "mlModelProperties", """{"name": "not written"}"""),
            Upsert(model, "mlModelProperties", """{"name": "not written"}""") with { Condition = WriteCondition.MustNotExist }));

        conflict.OperationIndex.ShouldBe(1);
        conflict.PreconditionFailed.ShouldBeFalse();
        (await _store.GetAspectAsync(model, "mlModelProperties", 0, Ct))!.Value["name"]!.GetValue<string>().ShouldBe("kept");
        (await _store.GetAspectVersionsAsync(model, "mlModelProperties", Ct)).Count.ShouldBe(1);
        (await _store.GetEntityAsync(other, Ct)).ShouldBeNull();
        (await _store.ChangesForAsync(other)).ShouldBeEmpty();
    }

    [Fact]
    public async Task create_of_an_absent_aspect_writes_it()
    {
        var model = Mint.Model();

        var outcome = await _store.WriteOneAsync(
            Upsert(model, "mlModelProperties", """{"name": "new"}""") with { Condition = WriteCondition.MustNotExist });

        outcome.Effect.ShouldBe(WriteEffect.Created);
        outcome.Revision.ShouldBe(1);
    }

    [Fact]
    public async Task a_revision_mismatch_throws_a_failed_precondition_and_writes_nothing()
    {
        var model = Mint.Model();
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "kept"}"""));

        var conflict = await Should.ThrowAsync<ConflictException>(() => _store.WriteOneAsync(
            Upsert(model, "mlModelProperties", """{"name": "not written"}""") with { Condition = WriteCondition.RevisionEquals(2) }));

        conflict.PreconditionFailed.ShouldBeTrue();
        conflict.OperationIndex.ShouldBe(0);
        var latest = (await _store.GetAspectAsync(model, "mlModelProperties", 0, Ct)).ShouldNotBeNull();
        latest.Revision.ShouldBe(1);
        latest.Value["name"]!.GetValue<string>().ShouldBe("kept");
        (await _store.ChangesForAsync(model)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task a_revision_condition_of_0_requires_the_aspect_to_be_absent()
    {
        var model = Mint.Model();

        var created = await _store.WriteOneAsync(
            Upsert(model, "mlModelProperties", """{"name": "one"}""") with { Condition = WriteCondition.RevisionEquals(0) });
        var conflict = await Should.ThrowAsync<ConflictException>(() => _store.WriteOneAsync(
            Upsert(model, "mlModelProperties", """{"name": "two"}""") with { Condition = WriteCondition.RevisionEquals(0) }));

        created.Effect.ShouldBe(WriteEffect.Created);
        conflict.PreconditionFailed.ShouldBeTrue();
    }

    [Fact]
    public async Task a_matching_revision_lets_the_write_go_ahead()
    {
        var model = Mint.Model();
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "one"}"""));

        var outcome = await _store.WriteOneAsync(
            Upsert(model, "mlModelProperties", """{"name": "two"}""") with { Condition = WriteCondition.RevisionEquals(1) });

        outcome.Effect.ShouldBe(WriteEffect.Updated);
        outcome.Revision.ShouldBe(2);
    }

    [Fact]
    public async Task skip_if_exists_leaves_an_existing_aspect_alone()
    {
        var model = Mint.Model();
        await _store.WriteOneAsync(Upsert(model, "dataPlatformInstance", """{"platform": "urn:li:dataPlatform:mlflow"}"""));

        var outcome = await _store.WriteOneAsync(Upsert(model, "dataPlatformInstance", """{"platform": "urn:li:dataPlatform:other"}""")
            with { Condition = WriteCondition.SkipIfExists });

        outcome.Effect.ShouldBe(WriteEffect.Skipped);
        outcome.Revision.ShouldBe(1);
        outcome.Sequence.ShouldBeNull();
        var latest = (await _store.GetAspectAsync(model, "dataPlatformInstance", 0, Ct)).ShouldNotBeNull();
        latest.Value["platform"]!.GetValue<string>().ShouldBe("urn:li:dataPlatform:mlflow");
        (await _store.ChangesForAsync(model)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task skip_if_exists_writes_an_absent_aspect()
    {
        var model = Mint.Model();

        var outcome = await _store.WriteOneAsync(Upsert(model, "dataPlatformInstance", """{"platform": "urn:li:dataPlatform:mlflow"}""")
            with { Condition = WriteCondition.SkipIfExists });

        outcome.Effect.ShouldBe(WriteEffect.Created);
        (await _store.GetAspectAsync(model, "dataPlatformInstance", 0, Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task a_batch_whose_third_operation_fails_leaves_nothing_of_the_first_two()
    {
        var model = Mint.Model();
        var group = Mint.Group();
        var existing = Mint.Model();
        await _store.WriteOneAsync(Upsert(existing, "mlModelProperties", """{"name": "existing"}"""));

        var conflict = await Should.ThrowAsync<ConflictException>(() => _store.WriteBatchAsync(
            Upsert(model, "mlModelProperties", $$"""{"groups": ["{{group}}"]}""", ("MemberOf", group)),
            Upsert(group, "mlModelGroupProperties", """{"name": "g"}"""),
            Upsert(existing, "mlModelProperties", """{"name": "again"}""") with { Condition = WriteCondition.MustNotExist }));

        conflict.OperationIndex.ShouldBe(2);
        (await _store.GetEntityAsync(model, Ct)).ShouldBeNull();
        (await _store.GetEntityAsync(group, Ct)).ShouldBeNull();
        (await _store.GetAspectVersionsAsync(model, "mlModelProperties", Ct)).ShouldBeEmpty();
        (await _store.OutgoingAsync(model)).Total.ShouldBe(0);
        (await _store.IncomingAsync(group)).Total.ShouldBe(0);
        (await _store.ChangesForAsync(model, group)).ShouldBeEmpty();
    }

    [Fact]
    public async Task deleting_an_aspect_keeps_its_history_and_removes_the_latest_and_its_edges()
    {
        var model = Mint.Model();
        var group = Mint.Group();
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "one"}"""));
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", $$"""{"name": "two", "groups": ["{{group}}"]}""", ("MemberOf", group)));

        var outcome = await _store.WriteOneAsync(Delete(model, "mlModelProperties"));

        outcome.Effect.ShouldBe(WriteEffect.Deleted);
        outcome.Sequence.ShouldNotBeNull();
        (await _store.GetAspectAsync(model, "mlModelProperties", 0, Ct)).ShouldBeNull();
        var history = await _store.GetAspectVersionsAsync(model, "mlModelProperties", Ct);
        history.Select(v => (v.Version, v.Value["name"]!.GetValue<string>())).ShouldBe([(2L, "two"), (1L, "one")]);
        (await _store.OutgoingAsync(model)).Total.ShouldBe(0);
        (await _store.IncomingAsync(group)).Total.ShouldBe(0);
    }

    [Fact]
    public async Task a_write_after_an_aspect_delete_continues_the_revision_count()
    {
        var model = Mint.Model();
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "one"}"""));
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "two"}"""));
        await _store.WriteOneAsync(Delete(model, "mlModelProperties"));

        var outcome = await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "two"}"""));

        outcome.Effect.ShouldBe(WriteEffect.Created);
        outcome.Revision.ShouldBe(3);
        var versions = await _store.GetAspectVersionsAsync(model, "mlModelProperties", Ct);
        versions.Select(v => (v.Version, v.Revision)).ShouldBe([(0L, 3L), (2L, 2L), (1L, 1L)]);
    }

    [Fact]
    public async Task deleting_an_absent_aspect_is_skipped()
    {
        var model = Mint.Model();
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "one"}"""));

        var outcome = await _store.WriteOneAsync(Delete(model, "ownership"));

        outcome.Effect.ShouldBe(WriteEffect.Skipped);
        outcome.Sequence.ShouldBeNull();
        (await _store.ChangesForAsync(model)).Count.ShouldBe(1);
    }

    private async Task<string> NameAt(string urn, long version) =>
        (await _store.GetAspectAsync(urn, "mlModelProperties", version, Ct)).ShouldNotBeNull().Value["name"]!.GetValue<string>();

    [Fact]
    public async Task entity_must_not_exist_passes_for_a_new_entity_and_fails_once_it_has_any_aspect()
    {
        var model = Mint.Model();
        var key = Upsert(model, "mlModelKey", """{"name": "k"}""") with { Condition = WriteCondition.EntityMustNotExist };

        var created = await _store.WriteBatchAsync(key, Upsert(model, "mlModelProperties", """{"name": "m"}"""));
        created[0].Effect.ShouldBe(WriteEffect.Created);

        var again = await Should.ThrowAsync<ConflictException>(() => _store.WriteBatchAsync(
            Upsert(Mint.Model(), "mlModelProperties", """{"name": "other"}"""),
            Upsert(model, "globalTags", """{"tags": []}""") with { Condition = WriteCondition.EntityMustNotExist }));
        again.OperationIndex.ShouldBe(1);
        again.PreconditionFailed.ShouldBeFalse();
        (await _store.GetAspectAsync(model, "globalTags", 0, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task two_writes_of_one_aspect_in_a_batch_keep_both_versions()
    {
        var model = Mint.Model();
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "stored"}"""));

        var outcomes = await _store.WriteBatchAsync(
            Upsert(model, "mlModelProperties", """{"name": "first"}"""),
            Upsert(model, "mlModelProperties", """{"name": "second"}"""));

        outcomes.Select(o => o.Revision).ShouldBe([2L, 3L]);
        var versions = await _store.GetAspectVersionsAsync(model, "mlModelProperties", Ct);
        versions.Select(v => (v.Version, v.Value["name"]!.GetValue<string>()))
            .ShouldBe([(0L, "second"), (2L, "first"), (1L, "stored")]);
    }

    [Fact]
    public async Task an_entity_deleted_and_written_again_in_one_batch_starts_afresh()
    {
        var model = Mint.Model();
        var group = Mint.Group();
        await _store.WriteBatchAsync(
            Upsert(model, "mlModelProperties", """{"name": "old"}""", ("MemberOf", group)),
            Upsert(model, "globalTags", """{"tags": []}"""));

        var outcomes = await _store.WriteBatchAsync(
            DeleteEntity(model),
            Upsert(model, "mlModelProperties", """{"name": "new"}"""));

        outcomes.Select(o => o.Effect).ShouldBe([WriteEffect.Deleted, WriteEffect.Created]);
        outcomes[1].Revision.ShouldBe(1);
        var entity = (await _store.GetEntityAsync(model, Ct)).ShouldNotBeNull();
        entity.Aspects.Select(a => a.Name).ShouldBe(["mlModelProperties"]);
        (await _store.GetAspectVersionsAsync(model, "mlModelProperties", Ct)).Count.ShouldBe(1);
        (await _store.OutgoingAsync(model)).Total.ShouldBe(0);
    }
}
