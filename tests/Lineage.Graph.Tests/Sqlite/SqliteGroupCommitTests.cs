using Lineage.Graph.Errors;
using Lineage.Graph.Storage;
using Lineage.Graph.Tests.StoreContract;
using static Lineage.Graph.Tests.StoreContract.Ops;

namespace Lineage.Graph.Tests.Sqlite;

/// <summary>
/// Batches that wait for the embedded store's writer are written together in one transaction, each in a savepoint of
/// its own: one that fails is rolled back alone, and every other is written whole and numbered in the change feed.
/// </summary>
public sealed class SqliteGroupCommitTests(SqliteStoreFixture fx) : IClassFixture<SqliteStoreFixture>
{
    [Fact]
    public async Task concurrent_batches_each_commit_whole_or_not_at_all_whatever_the_others_do()
    {
        var taken = Mint.Model();
        await fx.Store.WriteBatchAsync(Upsert(taken, "mlModelProperties", "{}"));
        var writes = Enumerable.Range(0, 40).Select(i => (Model: Mint.Model(), Fails: i % 3 == 1)).ToList();

        // A failing batch writes its own model, then meets the taken one created again.
        var results = await Task.WhenAll(writes.Select(async w =>
        {
            StoreOperation[] batch = w.Fails
                ? [Upsert(w.Model, "mlModelProperties", "{}"), Upsert(taken, "mlModelProperties", """{"x": 1}""") with { Condition = WriteCondition.MustNotExist }]
                : [Upsert(w.Model, "mlModelProperties", "{}"), Upsert(w.Model, "deprecation", """{"deprecated": false}""")];
            await Task.Yield();
            try
            {
                return (w.Model, Outcomes: await fx.Store.WriteAsync(batch, CancellationToken.None), Error: (Exception?)null);
            }
            catch (ConflictException e)
            {
                return (w.Model, Outcomes: (IReadOnlyList<WriteOutcome>?)null, Error: (Exception?)e);
            }
        }));

        foreach (var (model, outcomes, error) in results)
        {
            var fails = writes.Single(w => w.Model == model).Fails;
            (error is not null).ShouldBe(fails);
            var stored = await fx.Store.GetEntityAsync(model, CancellationToken.None);
            if (fails) stored.ShouldBeNull();
            else stored!.Aspects.Select(a => a.Name).ShouldBe(["deprecation", "mlModelProperties"]);
        }
        (await fx.Store.GetEntityAsync(taken, CancellationToken.None))!.Aspects.Single().Value.ShouldBeEmpty();
        var sequences = results.Where(r => r.Outcomes is not null).SelectMany(r => r.Outcomes!).Select(o => o.Sequence!.Value).Order().ToList();
        sequences.Count.ShouldBe(2 * writes.Count(w => !w.Fails));
        sequences.Distinct().Count().ShouldBe(sequences.Count);
        var feed = await fx.Store.ChangesForAsync([.. writes.Select(w => w.Model)]);
        feed.Select(c => c.Sequence).Order().ShouldBe(sequences);
    }
}
