using Lineage.Graph.Storage;
using Lineage.Graph.Writing;
using static Lineage.Graph.Tests.StoreContract.Ops;

namespace Lineage.Graph.Tests.StoreContract;

/// <summary>
/// What an export reads (<see cref="IGraphStore.GetArchivesAsync"/>) and what an import of it writes: restored versions
/// keep their revision, time and actor, and a second import changes nothing.
/// </summary>
public abstract class ArchiveContract<TFixture>(TFixture fx) : IClassFixture<TFixture> where TFixture : StoreFixture
{
    private readonly IGraphStore _store = fx.Store;
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateTimeOffset Then = DateTimeOffset.FromUnixTimeMilliseconds(1_600_000_000_000);

    private static RecordTimeseries Profile(string urn, long at, long rows)
    {
        var value = Json($$"""{"timestampMillis": {{at}}, "rowCount": {{rows}}}""");
        return new RecordTimeseries(urn, EntityTypeOf(urn), "datasetProfile", at, "", value, CanonicalJson.Hash(value), null, [], Actor);
    }

    private static UpsertAspect Restore(string urn, string aspect, string json, long revision, DateTimeOffset at, string actor) =>
        Upsert(urn, aspect, json) with { Condition = WriteCondition.Restore(revision), RestoredAt = at.ToUnixTimeMilliseconds(), Actor = actor };

    [Fact]
    public async Task an_archive_holds_every_version_oldest_first_a_deleted_aspects_history_and_every_timeseries_value()
    {
        var dataset = Mint.Dataset();
        foreach (var name in new[] { "one", "two", "three" })
            await _store.WriteOneAsync(Upsert(dataset, "datasetProperties", $$"""{"name": "{{name}}"}"""));
        await _store.WriteOneAsync(Upsert(dataset, "globalTags", """{"tags": []}"""));
        await _store.WriteOneAsync(Delete(dataset, "globalTags"));
        await _store.WriteBatchAsync(Profile(dataset, 2000, 20), Profile(dataset, 1000, 10));

        var archive = (await _store.GetArchivesAsync([dataset], Ct)).Single();

        archive.Urn.ShouldBe(dataset);
        archive.EntityType.ShouldBe("dataset");
        archive.Versions.Where(v => v.Name == "datasetProperties").Select(v => (v.Revision, v.Version, v.Value["name"]!.GetValue<string>()))
            .ShouldBe([(1L, 1L, "one"), (2L, 2L, "two"), (3L, 0L, "three")]);
        archive.Versions.Where(v => v.Name == "globalTags").Select(v => (v.Revision, v.Version)).ShouldBe([(1L, 1L)]);
        archive.Versions.ShouldAllBe(v => v.CreatedBy == Actor);
        archive.Timeseries.Select(t => (t.Aspect, t.TimestampMillis, t.CreatedBy)).ShouldBe([("datasetProfile", 1000L, Actor), ("datasetProfile", 2000L, Actor)]);
    }

    [Fact]
    public async Task a_deleted_aspects_last_version_keeps_when_it_was_deleted_and_a_restored_delete_its_own_time()
    {
        var (live, restored) = (Mint.Dataset(), Mint.Dataset());
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await _store.WriteOneAsync(Upsert(live, "globalTags", """{"tags": []}"""));
        await _store.WriteOneAsync(Delete(live, "globalTags"));
        await _store.WriteOneAsync(Restore(restored, "globalTags", """{"tags": []}""", 1, Then, Actor));
        await _store.WriteOneAsync(Delete(restored, "globalTags") with { Condition = WriteCondition.Restore(1), RestoredAt = Then.AddDays(3).ToUnixTimeMilliseconds() });
        await _store.WriteOneAsync(Upsert(restored, "datasetProperties", """{"name": "kept"}"""));

        var archives = await _store.GetArchivesAsync([live, restored], Ct);

        archives[0].Versions.Single().DeletedAt.ShouldNotBeNull().ShouldBeGreaterThan(before);
        archives[1].Versions.Single(v => v.Name == "globalTags").DeletedAt.ShouldBe(Then.AddDays(3));
        archives[1].Versions.Single(v => v.Name == "datasetProperties").DeletedAt.ShouldBeNull();
    }

    [Fact]
    public async Task archives_come_in_the_order_asked_and_leave_out_urns_with_nothing_stored()
    {
        var (a, b) = (Mint.Model(), Mint.Model());
        await _store.WriteBatchAsync(Upsert(a, "mlModelProperties", """{"name": "a"}"""), Upsert(b, "mlModelProperties", """{"name": "b"}"""));

        var archives = await _store.GetArchivesAsync([b, Mint.Model(), a], Ct);

        archives.Select(x => x.Urn).ShouldBe([b, a]);
        (await _store.GetArchivesAsync([], Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_restored_version_keeps_its_revision_time_and_actor_and_restoring_it_again_changes_nothing()
    {
        var model = Mint.Model();
        var first = await _store.WriteOneAsync(Restore(model, "mlModelProperties", """{"name": "one"}""", 1, Then, "urn:li:corpuser:alice"));
        await _store.WriteOneAsync(Restore(model, "mlModelProperties", """{"name": "three"}""", 3, Then.AddDays(2), "urn:li:corpuser:bob"));

        first.Effect.ShouldBe(WriteEffect.Created);
        var versions = await _store.GetAspectVersionsAsync(model, "mlModelProperties", Ct);
        versions.Select(v => (v.Version, v.Revision, v.CreatedAt, v.CreatedBy))
            .ShouldBe([(0L, 3L, Then.AddDays(2), "urn:li:corpuser:bob"), (1L, 1L, Then, "urn:li:corpuser:alice")]);

        var again = await _store.WriteBatchAsync(
            Restore(model, "mlModelProperties", """{"name": "one"}""", 1, Then, "urn:li:corpuser:alice"),
            Restore(model, "mlModelProperties", """{"name": "two"}""", 2, Then.AddDays(1), "urn:li:corpuser:alice"),
            Restore(model, "mlModelProperties", """{"name": "three"}""", 3, Then.AddDays(2), "urn:li:corpuser:bob"));
        again.ShouldAllBe(o => o.Effect == WriteEffect.Skipped && o.Sequence == null);
        (await _store.GetAspectVersionsAsync(model, "mlModelProperties", Ct)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task a_restored_value_equal_to_the_latest_is_still_a_version_of_its_own()
    {
        var model = Mint.Model();
        await _store.WriteOneAsync(Restore(model, "mlModelProperties", """{"name": "same"}""", 1, Then, Actor));
        var second = await _store.WriteOneAsync(Restore(model, "mlModelProperties", """{"name": "same"}""", 2, Then.AddDays(1), Actor));

        second.Effect.ShouldBe(WriteEffect.Updated);
        (await _store.GetAspectVersionsAsync(model, "mlModelProperties", Ct)).Select(v => v.Revision).ShouldBe([2L, 1L]);
    }

    [Fact]
    public async Task a_restored_delete_removes_only_the_revision_it_names()
    {
        var model = Mint.Model();
        await _store.WriteOneAsync(Restore(model, "mlModelProperties", """{"name": "one"}""", 1, Then, Actor));
        var wrong = await _store.WriteOneAsync(Delete(model, "mlModelProperties") with { Condition = WriteCondition.Restore(2) });
        wrong.Effect.ShouldBe(WriteEffect.Skipped);
        (await _store.GetAspectAsync(model, "mlModelProperties", 0, Ct)).ShouldNotBeNull();

        var right = await _store.WriteOneAsync(Delete(model, "mlModelProperties") with { Condition = WriteCondition.Restore(1) });
        right.Effect.ShouldBe(WriteEffect.Deleted);
        (await _store.GetAspectAsync(model, "mlModelProperties", 0, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task a_timeseries_value_written_again_as_it_is_changes_nothing_and_a_restored_one_keeps_its_time()
    {
        var dataset = Mint.Dataset();
        await _store.WriteBatchAsync(Profile(dataset, 2000, 20), Profile(dataset, 1000, 10) with { RestoredAt = Then.ToUnixTimeMilliseconds() });
        var before = await _store.GetTimeseriesValuesAsync(new TimeseriesQuery(dataset, "datasetProfile", null, null, 10), Ct);

        var again = await _store.WriteBatchAsync(Profile(dataset, 2000, 20), Profile(dataset, 1000, 10));

        again.ShouldAllBe(o => o.Effect == WriteEffect.Unchanged && o.Sequence == null);
        var after = await _store.GetTimeseriesValuesAsync(new TimeseriesQuery(dataset, "datasetProfile", null, null, 10), Ct);
        after.Select(v => (v.TimestampMillis, v.CreatedAt)).ShouldBe(before.Select(v => (v.TimestampMillis, v.CreatedAt)));
        after[1].CreatedAt.ShouldBe(Then);

        var changed = await _store.WriteOneAsync(Profile(dataset, 1000, 11));
        changed.Effect.ShouldBe(WriteEffect.Created);
        (await _store.GetTimeseriesValuesAsync(new TimeseriesQuery(dataset, "datasetProfile", null, null, 10), Ct))[1]
            .Value["rowCount"]!.GetValue<long>().ShouldBe(11);
    }

    [Fact]
    public async Task a_restored_timeseries_latest_takes_the_revision_it_had()
    {
        var dataset = Mint.Dataset();
        await _store.WriteOneAsync(Profile(dataset, 1000, 10));
        await _store.WriteOneAsync(Profile(dataset, 2000, 20) with { RestoredRevision = 7 });

        (await _store.GetAspectAsync(dataset, "datasetProfile", 0, Ct)).ShouldNotBeNull().Revision.ShouldBe(7);
    }
}
