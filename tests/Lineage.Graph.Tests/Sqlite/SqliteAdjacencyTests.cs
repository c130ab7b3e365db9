using Lineage.Graph.Registry;
using Lineage.Graph.Storage;
using Lineage.Graph.Tests.StoreContract;
using Lineage.Graph.Traversal;
using static Lineage.Graph.Tests.StoreContract.Ops;

namespace Lineage.Graph.Tests.Sqlite;

/// <summary>
/// The embedded store steps from a copy of its lineage edges kept in memory and changed after each commit. After any
/// sequence of writes, every step must be what a store opened afresh on the same file (which loads the copy from the
/// file) gives.
/// </summary>
public sealed class SqliteAdjacencyTests : IAsyncLifetime
{
    private readonly SqliteStoreFixture _fx = new();

    public Task InitializeAsync() => _fx.InitializeAsync();

    public Task DisposeAsync() => _fx.DisposeAsync();

    private static CancellationToken Ct => CancellationToken.None;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task every_step_after_random_rewrites_deletes_and_column_edges_is_the_files(int seed)
    {
        var random = new Random(seed);
        var datasets = Enumerable.Range(0, 12).Select(_ => Mint.Dataset()).ToList();
        var features = Enumerable.Range(0, 8).Select(_ => Mint.Feature()).ToList();
        var columns = datasets.Take(4).SelectMany(d => new[] { Column(d, "a"), Column(d, "b") }).ToList();
        var nodes = datasets.Concat(features).Concat(columns).ToList();
        string Any(IReadOnlyList<string> from) => from[random.Next(from.Count)];

        for (var round = 0; round < 30; round++)
        {
            var batch = new List<StoreOperation>();
            for (var i = random.Next(1, 6); i > 0; i--)
            {
                var roll = random.Next(10);
                if (roll < 5)
                {
                    // A rewrite of one feature's lineage: its edges are replaced, sometimes by the same edge twice.
                    var edges = Enumerable.Range(0, random.Next(0, 4))
                        .Select(_ => ("DerivedFrom", Any(datasets), LineageRole.TargetIsUpstream)).ToList();
                    if (edges.Count > 0 && random.Next(3) == 0) edges.Add(edges[0]);
                    batch.Add(UpsertLineage(Any(features), "mlFeatureProperties", $$"""{"round": {{round}}}""", [.. edges]));
                }
                else if (roll < 7)
                {
                    // Column edges, stated by the downstream dataset, and a column's own parent link.
                    batch.Add(UpsertLineage(Any(datasets), "upstreamLineage", $$"""{"round": {{round}}}""",
                        ("DownstreamOf", Any(columns), LineageRole.TargetIsUpstream), ("DownstreamOf", Any(datasets), LineageRole.TargetIsUpstream)));
                }
                else if (roll < 8) batch.Add(Delete(Any(features), "mlFeatureProperties"));
                else if (roll < 9) batch.Add(DeleteEntity(Any(features)));
                else batch.Add(Status(Any(datasets), random.Next(2) == 0));
            }
            await _fx.Store.WriteAsync(batch, Ct);
        }

        var fresh = await _fx.OpenAnotherAsync();
        foreach (var node in nodes)
        {
            foreach (var direction in new[] { LineageDirection.Upstream, LineageDirection.Downstream })
            {
                foreach (var withColumns in new[] { false, true })
                {
                    var query = new LineageHopQuery([node], direction, [], IncludeRemoved: withColumns, withColumns);
                    (await StepAsync(_fx.Store, query)).ShouldBe(await StepAsync(fresh, query), $"{direction} from {node}, columns {withColumns}");
                }
            }
        }
    }

    [Fact]
    public async Task a_write_through_another_store_on_the_same_file_is_seen_by_the_first_stores_later_steps()
    {
        var (dataset, feature, model) = (Mint.Dataset(), Mint.Feature(), Mint.Model());
        await _fx.Store.WriteBatchAsync(UpsertLineage(feature, "mlFeatureProperties", "{}", ("DerivedFrom", dataset, LineageRole.TargetIsUpstream)));
        var other = await _fx.OpenAnotherAsync();
        await other.WriteBatchAsync(UpsertLineage(model, "mlModelProperties", "{}", ("TrainedBy", dataset, LineageRole.TargetIsUpstream)));
        var down = new LineageHopQuery([dataset], LineageDirection.Downstream, [], false, WithColumns: true);

        (await StepAsync(_fx.Store, down)).ShouldBe([$"{feature} DerivedFrom {dataset}", $"{model} TrainedBy {dataset}"]);
        // The first store's own next write applies to the file's state, not to the copy it held before.
        await _fx.Store.WriteBatchAsync(Delete(feature, "mlFeatureProperties"));
        (await StepAsync(_fx.Store, down)).ShouldBe([$"{model} TrainedBy {dataset}"]);
    }

    private static string Column(string dataset, string field) => $"urn:li:schemaField:({dataset},{field})";

    private static async Task<List<string>> StepAsync(IGraphStore store, LineageHopQuery query)
    {
        await using var read = await store.OpenLineageReadAsync(Ct);
        return (await read.GetHopsAsync(query, Ct)).Select(e => $"{e.Source} {e.Relationship} {e.Target}").Order(StringComparer.Ordinal).ToList();
    }
}
