using Lineage.Graph.Changes;
using Lineage.Graph.Storage;
using Lineage.Graph.Writing;
using static Lineage.Graph.Tests.StoreContract.Ops;

namespace Lineage.Graph.Tests.StoreContract;

/// <summary>Timeseries aspects: every value kept by its time, the newest readable as the aspect, no version history.</summary>
public abstract class TimeseriesContract<TFixture>(TFixture fx) : IClassFixture<TFixture> where TFixture : StoreFixture
{
    private readonly IGraphStore _store = fx.Store;
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static RecordTimeseries Profile(string urn, long at, long rows, string partition = "")
    {
        var value = Json($$"""{"timestampMillis": {{at}}, "rowCount": {{rows}}}""");
        return new RecordTimeseries(urn, EntityTypeOf(urn), "datasetProfile", at, partition, value, CanonicalJson.Hash(value),
            null, [], Actor);
    }

    private Task<IReadOnlyList<TimeseriesValue>> ValuesAsync(string urn, long? start = null, long? end = null, int limit = 100) =>
        _store.GetTimeseriesValuesAsync(new TimeseriesQuery(urn, "datasetProfile", start, end, limit), Ct);

    [Fact]
    public async Task every_value_is_kept_and_read_newest_first()
    {
        var dataset = Mint.Dataset();
        await _store.WriteBatchAsync(Profile(dataset, 2000, 20), Profile(dataset, 1000, 10));
        await _store.WriteOneAsync(Profile(dataset, 3000, 30));

        var values = await ValuesAsync(dataset);

        values.Select(v => v.TimestampMillis).ShouldBe([3000L, 2000L, 1000L]);
        values.Select(v => v.Value["rowCount"]!.GetValue<long>()).ShouldBe([30L, 20L, 10L]);
    }

    [Fact]
    public async Task the_aspect_reads_as_the_newest_value_even_when_an_older_one_arrives_later()
    {
        var dataset = Mint.Dataset();
        await _store.WriteOneAsync(Profile(dataset, 2000, 20));
        var late = await _store.WriteOneAsync(Profile(dataset, 1000, 10));

        late.Sequence.ShouldBeNull();
        var latest = (await _store.GetAspectAsync(dataset, "datasetProfile", 0, Ct)).ShouldNotBeNull();
        latest.Value["rowCount"]!.GetValue<long>().ShouldBe(20);
        (await _store.GetEntityAsync(dataset, Ct)).ShouldNotBeNull().Aspects.Single().Value["timestampMillis"]!.GetValue<long>().ShouldBe(2000);
    }

    [Fact]
    public async Task a_newer_value_replaces_the_latest_without_keeping_history()
    {
        var dataset = Mint.Dataset();
        await _store.WriteOneAsync(Profile(dataset, 1000, 10));
        await _store.WriteOneAsync(Profile(dataset, 2000, 20));

        var versions = await _store.GetAspectVersionsAsync(dataset, "datasetProfile", Ct);

        versions.Count.ShouldBe(1);
        versions[0].Version.ShouldBe(0);
        versions[0].Value["rowCount"]!.GetValue<long>().ShouldBe(20);
        (await _store.GetAspectAsync(dataset, "datasetProfile", 1, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task a_value_at_the_same_time_and_partition_replaces_the_kept_one()
    {
        var dataset = Mint.Dataset();
        await _store.WriteOneAsync(Profile(dataset, 1000, 10));
        await _store.WriteOneAsync(Profile(dataset, 1000, 11));
        await _store.WriteOneAsync(Profile(dataset, 1000, 12, partition: "2026-11-01"));

        var values = await ValuesAsync(dataset);

        values.Count.ShouldBe(2);
        values.Select(v => v.Value["rowCount"]!.GetValue<long>()).Order().ShouldBe([11L, 12L]);
    }

    [Fact]
    public async Task a_time_range_is_inclusive_and_the_limit_keeps_the_newest()
    {
        var dataset = Mint.Dataset();
        await _store.WriteBatchAsync(
            Profile(dataset, 1000, 1), Profile(dataset, 2000, 2), Profile(dataset, 3000, 3), Profile(dataset, 4000, 4));

        (await ValuesAsync(dataset, start: 2000, end: 3000)).Select(v => v.TimestampMillis).ShouldBe([3000L, 2000L]);
        (await ValuesAsync(dataset, start: 2500)).Select(v => v.TimestampMillis).ShouldBe([4000L, 3000L]);
        (await ValuesAsync(dataset, end: 1000)).Select(v => v.TimestampMillis).ShouldBe([1000L]);
        (await ValuesAsync(dataset, limit: 2)).Select(v => v.TimestampMillis).ShouldBe([4000L, 3000L]);
    }

    [Fact]
    public async Task values_are_per_entity_and_aspect()
    {
        var one = Mint.Dataset();
        var other = Mint.Dataset();
        await _store.WriteBatchAsync(Profile(one, 1000, 1), Profile(other, 1000, 2));

        (await ValuesAsync(one)).Single().Value["rowCount"]!.GetValue<long>().ShouldBe(1);
        (await _store.GetTimeseriesValuesAsync(new TimeseriesQuery(one, "datasetUsageStatistics", null, null, 10), Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_new_latest_is_one_change_in_the_feed_and_an_older_value_none()
    {
        var dataset = Mint.Dataset();
        await _store.WriteOneAsync(Profile(dataset, 2000, 20));
        await _store.WriteOneAsync(Profile(dataset, 1000, 10));
        await _store.WriteOneAsync(Profile(dataset, 3000, 30));

        var changes = await _store.ChangesForAsync(dataset);

        changes.Select(c => c.Kind).ShouldBe([ChangeKind.AspectUpserted, ChangeKind.AspectUpserted]);
        changes[^1].Current.ShouldNotBeNull()["rowCount"]!.GetValue<long>().ShouldBe(30);
    }

    [Fact]
    public async Task deleting_the_entity_removes_its_values()
    {
        var dataset = Mint.Dataset();
        await _store.WriteBatchAsync(Profile(dataset, 1000, 10), Profile(dataset, 2000, 20));

        await _store.WriteOneAsync(DeleteEntity(dataset));

        (await ValuesAsync(dataset)).ShouldBeEmpty();
        (await _store.GetEntityAsync(dataset, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task a_failed_batch_keeps_no_value()
    {
        var dataset = Mint.Dataset();
        await _store.WriteOneAsync(Upsert(dataset, "datasetProperties", """{"name": "d"}"""));

        await Should.ThrowAsync<Errors.ConflictException>(() => _store.WriteAsync(
        [
            Profile(dataset, 1000, 10),
            Upsert(dataset, "datasetProperties", """{"name": "e"}""") with { Condition = WriteCondition.MustNotExist },
        ], Ct));

        (await ValuesAsync(dataset)).ShouldBeEmpty();
        (await _store.GetAspectAsync(dataset, "datasetProfile", 0, Ct)).ShouldBeNull();
    }
}
