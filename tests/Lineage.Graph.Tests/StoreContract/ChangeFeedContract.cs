using Lineage.Graph.Changes;
using Lineage.Graph.Storage;
using static Lineage.Graph.Tests.StoreContract.Ops;

namespace Lineage.Graph.Tests.StoreContract;

/// <summary>The change feed consumers (the search index) read "every change after N" from.</summary>
public abstract class ChangeFeedContract<TFixture>(TFixture fx) : IClassFixture<TFixture> where TFixture : StoreFixture
{
    private readonly IGraphStore _store = fx.Store;
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task sequence_numbers_increase_strictly_in_commit_order()
    {
        var (m1, m2) = (Mint.Model(), Mint.Model());
        var batch = await _store.WriteBatchAsync(
            Upsert(m1, "mlModelProperties", """{"name": "a"}"""),
            Upsert(m2, "mlModelProperties", """{"name": "b"}"""),
            Upsert(m1, "ownership", """{"owners": []}"""));
        var single = await _store.WriteOneAsync(Upsert(m2, "mlModelProperties", """{"name": "c"}"""));

        var expected = batch.Append(single).Select(o => o.Sequence!.Value).ToList();
        var changes = await _store.ChangesForAsync(m1, m2);

        expected.ShouldBeInOrder(SortDirection.Ascending);
        expected.Distinct().Count().ShouldBe(4);
        changes.Select(c => c.Sequence).ShouldBe(expected);
        changes.Select(c => (c.Urn, c.Aspect)).ShouldBe(
            [(m1, "mlModelProperties"), (m2, "mlModelProperties"), (m1, "ownership"), (m2, "mlModelProperties")]);
    }

    [Fact]
    public async Task a_change_carries_the_writes_system_metadata_and_its_actor()
    {
        var model = Mint.Model();
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "a"}""") with
        {
            SystemMetadata = Json("""{"runId": "run-1", "lastObserved": 5}"""), Actor = "urn:li:corpuser:alice",
        });
        await _store.WriteOneAsync(Delete(model, "mlModelProperties") with { Actor = "urn:li:corpuser:bob" });
        await _store.WriteOneAsync(DeleteEntity(model) with { Actor = "urn:li:corpuser:carol" });

        var changes = await _store.ChangesForAsync(model);

        changes.Select(c => (c.Kind, c.Actor)).ShouldBe([
            (ChangeKind.AspectUpserted, "urn:li:corpuser:alice"), (ChangeKind.AspectDeleted, "urn:li:corpuser:bob"),
            (ChangeKind.EntityDeleted, "urn:li:corpuser:carol")]);
        changes[0].SystemMetadata!["runId"]!.GetValue<string>().ShouldBe("run-1");
        changes[1].SystemMetadata.ShouldBeNull();
    }

    [Fact]
    public async Task reading_after_a_cursor_returns_exactly_the_later_changes()
    {
        var model = Mint.Model();
        var cursor = (await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "1"}"""))).Sequence!.Value;
        var later = new List<long>();
        foreach (var name in new[] { "2", "3", "4" })
            later.Add((await _store.WriteOneAsync(Upsert(model, "mlModelProperties", $$"""{"name": "{{name}}"}"""))).Sequence!.Value);

        var read = await _store.ReadChangesAfterAsync(cursor, 1000, Ct);

        read.ShouldAllBe(c => c.Sequence > cursor);
        read.Where(c => c.Urn == model).Select(c => c.Sequence).ShouldBe(later);
        read.Where(c => c.Urn == model).Select(c => c.Current!["name"]!.GetValue<string>()).ShouldBe(["2", "3", "4"]);
    }

    [Fact]
    public async Task reading_one_change_at_a_time_from_a_cursor_misses_nothing()
    {
        var model = Mint.Model();
        var cursor = (await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "0"}"""))).Sequence!.Value;
        long last = 0;
        for (var i = 1; i <= 5; i++)
            last = (await _store.WriteOneAsync(Upsert(model, "mlModelProperties", $$"""{"name": "{{i}}"}"""))).Sequence!.Value;

        var all = (await _store.ReadChangesAfterAsync(cursor, 1000, Ct)).Where(c => c.Sequence <= last).Select(c => c.Sequence).ToList();
        var oneByOne = new List<long>();
        for (var after = cursor; after < last;)
        {
            var page = await _store.ReadChangesAfterAsync(after, 1, Ct);
            page.Count.ShouldBe(1);
            oneByOne.Add(page[0].Sequence);
            after = page[0].Sequence;
        }

        oneByOne.ShouldBe(all);
        oneByOne.ShouldBeInOrder(SortDirection.Ascending);
        oneByOne.Distinct().Count().ShouldBe(oneByOne.Count);
    }

    [Fact]
    public async Task a_reader_tailing_the_feed_while_writers_commit_misses_no_change()
    {
        // The search index tails the feed exactly like this; a change it steps over is never searchable.
        var models = Enumerable.Range(0, 4).Select(_ => Mint.Model()).ToList();
        var cursor = (await _store.WriteOneAsync(Upsert(models[0], "mlModelProperties", """{"name": "start"}"""))).Sequence!.Value;
        var writing = Task.WhenAll(models.Select(model => Task.Run(async () =>
        {
            var sequences = new List<long>();
            for (var i = 0; i < 15; i++)
                sequences.Add((await _store.WriteOneAsync(Upsert(model, "mlModelProperties", $$"""{"name": "{{i}}"}"""))).Sequence!.Value);
            return sequences;
        })));

        var seen = new List<long>();
        var after = cursor;
        while (true)
        {
            var finished = writing.IsCompleted;
            var page = await _store.ReadChangesAfterAsync(after, 7, Ct);
            if (page.Count > 0)
            {
                page.Select(c => c.Sequence).ShouldBe(Enumerable.Range(1, page.Count).Select(i => after + i), "the feed is read without gaps");
                seen.AddRange(page.Select(c => c.Sequence));
                after = page[^1].Sequence;
            }
            else if (finished) break;
        }

        var written = (await writing).SelectMany(s => s).ToList();
        written.ShouldBeSubsetOf(seen);
    }

    [Fact]
    public async Task a_limit_caps_the_number_of_changes_read()
    {
        var model = Mint.Model();
        var cursor = (await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "0"}"""))).Sequence!.Value;
        var expected = new List<long>();
        for (var i = 1; i <= 3; i++)
            expected.Add((await _store.WriteOneAsync(Upsert(model, "mlModelProperties", $$"""{"name": "{{i}}"}"""))).Sequence!.Value);

        var page = await _store.ReadChangesAfterAsync(cursor, 2, Ct);

        page.Count.ShouldBe(2);
        page[0].Sequence.ShouldBeGreaterThan(cursor);
        page[1].Sequence.ShouldBeGreaterThan(page[0].Sequence);
        page[1].Sequence.ShouldBeLessThanOrEqualTo(expected[1]);
    }

    [Fact]
    public async Task an_unchanged_write_adds_no_change_record()
    {
        var model = Mint.Model();
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "same", "date": 1}"""));

        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"date": 1, "name": "same"}"""));

        (await _store.ChangesForAsync(model)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task a_change_carries_the_previous_and_current_values()
    {
        var model = Mint.Model();
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "before"}"""));
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "after"}"""));

        var changes = await _store.ChangesForAsync(model);

        changes.Count.ShouldBe(2);
        changes[0].Kind.ShouldBe(ChangeKind.AspectUpserted);
        changes[0].Previous.ShouldBeNull();
        changes[0].Current!["name"]!.GetValue<string>().ShouldBe("before");
        changes[0].Revision.ShouldBe(1);
        changes[1].Kind.ShouldBe(ChangeKind.AspectUpserted);
        changes[1].EntityType.ShouldBe("mlModel");
        changes[1].Aspect.ShouldBe("mlModelProperties");
        changes[1].Previous!["name"]!.GetValue<string>().ShouldBe("before");
        changes[1].Current!["name"]!.GetValue<string>().ShouldBe("after");
        changes[1].Revision.ShouldBe(2);
    }

    [Fact]
    public async Task an_aspect_delete_is_recorded_with_the_value_it_removed()
    {
        var model = Mint.Model();
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "gone"}"""));

        var outcome = await _store.WriteOneAsync(Delete(model, "mlModelProperties"));

        var delete = (await _store.ChangesForAsync(model)).Last();
        delete.Sequence.ShouldBe(outcome.Sequence!.Value);
        delete.Kind.ShouldBe(ChangeKind.AspectDeleted);
        delete.Aspect.ShouldBe("mlModelProperties");
        delete.Previous!["name"]!.GetValue<string>().ShouldBe("gone");
        delete.Current.ShouldBeNull();
    }

    [Fact]
    public async Task an_entity_delete_is_recorded()
    {
        var model = Mint.Model();
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", """{"name": "gone"}"""));

        var outcome = await _store.WriteOneAsync(DeleteEntity(model));

        var delete = (await _store.ChangesForAsync(model)).Last();
        delete.Sequence.ShouldBe(outcome.Sequence!.Value);
        delete.Kind.ShouldBe(ChangeKind.EntityDeleted);
        delete.EntityType.ShouldBe("mlModel");
        delete.Aspect.ShouldBeNull();
        delete.Current.ShouldBeNull();
    }

    [Fact]
    public async Task a_failed_batch_adds_no_change_record()
    {
        var model = Mint.Model();
        var existing = Mint.Model();
        await _store.WriteOneAsync(Upsert(existing, "mlModelProperties", "{}"));

        await Should.ThrowAsync<Errors.ConflictException>(() => _store.WriteBatchAsync(
            Upsert(model, "mlModelProperties", "{}"),
            Upsert(existing, "mlModelProperties", """{"x": 1}""") with { Condition = WriteCondition.MustNotExist }));

        (await _store.ChangesForAsync(model, existing)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task the_last_sequence_is_a_committed_change_at_or_after_every_acknowledged_one()
    {
        var written = (await _store.WriteOneAsync(Upsert(Mint.Model(), "mlModelProperties", """{"name": "last"}"""))).Sequence!.Value;

        var last = await _store.GetLastSequenceAsync(Ct);

        last.ShouldBeGreaterThanOrEqualTo(written);
        (await _store.ReadChangesAfterAsync(last - 1, 1, Ct)).Single().Sequence.ShouldBe(last);
    }

    [Fact]
    public async Task a_walk_over_entity_urns_page_by_page_visits_each_once_and_one_written_ahead_of_it()
    {
        // The store is shared with other tests: the walk starts just before urns only this test writes.
        var prefix = $"urn:li:mlModel:(urn:li:dataPlatform:mlflow,walk-{Guid.NewGuid():N}-";
        string Urn(int i) => $"{prefix}{i},PROD)";
        foreach (var i in Enumerable.Range(0, 7))
            await _store.WriteOneAsync(Upsert(Urn(i), "mlModelProperties", $$"""{"name": "walk {{i}}"}"""));

        var visited = new List<string>();
        for (string? after = prefix; ;)
        {
            var page = (await _store.ListEntityUrnsAsync(after, 3, Ct)).TakeWhile(u => u.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            if (page.Count == 0) break;
            visited.AddRange(page);
            after = page[^1];
            if (visited.Count == 3) await _store.WriteOneAsync(Upsert(Urn(8), "mlModelProperties", """{"name": "written during the walk"}"""));
        }

        visited.ShouldBe([.. Enumerable.Range(0, 7).Select(Urn), Urn(8)]);
    }
}
