using Lineage.Graph.Registry;
using Lineage.Graph.Storage;
using Lineage.Graph.Tests.StoreContract;
using Lineage.Graph.Traversal;
using static Lineage.Graph.Tests.StoreContract.Ops;

namespace Lineage.Graph.Tests.Sqlite;

/// <summary>
/// The embedded store steps from a copy of its lineage graph kept in memory and changed after each commit. After any
/// sequence of writes, every step must be what the file says, and a store that wrote beside another sees its writes.
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
    public async Task every_step_from_memory_after_random_rewrites_deletes_and_flags_is_the_step_in_sql(int seed)
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
                var roll = random.Next(13);
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
                else if (roll < 10) batch.Add(Status(Any(datasets), random.Next(2) == 0));
                else if (roll < 11)
                {
                    var owners = string.Join(",", Enumerable.Range(0, random.Next(0, 3)).Select(o => $$"""{"owner": "urn:li:corpuser:u{{random.Next(3)}}", "type": "DATAOWNER"}"""));
                    batch.Add(Upsert(Any(nodes.Take(20).ToList()), "ownership", $$"""{"owners": [{{owners}}]}"""));
                }
                else if (roll < 12)
                {
                    // Edges that are not lineage: they count towards a node's connectivity alone.
                    var tags = Enumerable.Range(0, random.Next(0, 3)).Select(_ => ("TaggedWith", $"urn:li:tag:t{random.Next(3)}")).ToArray();
                    batch.Add(Upsert(Any(datasets), "globalTags", $$"""{"round": {{round}}}""", tags));
                }
                else batch.Add(Upsert(Any(nodes.Take(20).ToList()), "deprecation", $$"""{"deprecated": {{(random.Next(2) == 0 ? "true" : "false")}}}"""));
            }
            await _fx.Store.WriteAsync(batch, Ct);
        }

        var queries = (from node in nodes
                       from direction in new[] { LineageDirection.Upstream, LineageDirection.Downstream }
                       from withColumns in new[] { false, true }
                       from includeRemoved in new[] { false, true }
                       select new LineageHopQuery([node], direction, [], includeRemoved, withColumns)).ToList();
        var fromMemory = new List<List<string>>();
        List<string> factsFromMemory, amongFromMemory;
        await using (var read = await _fx.Store.OpenLineageReadAsync(Ct))
        {
            foreach (var query in queries) fromMemory.Add(await StepsAsync(read, query));
            factsFromMemory = await FactsAsync(read, nodes);
            amongFromMemory = await AmongAsync(read, nodes, seed);
        }

        // A read whose snapshot is older than the copy steps in SQL: pinned before one more commit, it reads the same
        // state from the file. So does a store opened before that commit, which did not make it: it counts in SQL.
        await using var inSql = await _fx.Store.OpenLineageReadAsync(Ct);
        await inSql.GetNodeFactsAsync([nodes[0]], withOwners: false, Ct);
        var behind = await _fx.OpenAnotherAsync();
        await _fx.Store.WriteBatchAsync(Upsert(Mint.Dataset(), "datasetProperties", "{}"));
        var tagged = nodes.Concat(Enumerable.Range(0, 3).Select(t => $"urn:li:tag:t{t}")).ToList();
        (await _fx.Store.GetConnectivityAsync(tagged, Ct)).OrderBy(c => c.Key, StringComparer.Ordinal)
            .ShouldBe((await behind.GetConnectivityAsync(tagged, Ct)).OrderBy(c => c.Key, StringComparer.Ordinal));
        for (var i = 0; i < queries.Count; i++)
        {
            var query = queries[i];
            (await StepsAsync(inSql, query)).ShouldBe(fromMemory[i],
                $"{query.Direction} from {query.Frontier.Single()}, columns {query.WithColumns}, removed {query.IncludeRemoved}");
        }
        (await FactsAsync(inSql, nodes)).ShouldBe(factsFromMemory);
        (await AmongAsync(inSql, nodes, seed)).ShouldBe(amongFromMemory);
    }

    /// <summary>The edges among all the nodes, and among random halves of them, with and without their columns, one line each.</summary>
    private static async Task<List<string>> AmongAsync(ILineageRead read, List<string> nodes, int seed)
    {
        var random = new Random(seed);
        var lines = new List<string>();
        var sets = new[] { nodes }.Concat(Enumerable.Range(0, 4).Select(_ => nodes.Where(_ => random.Next(2) == 0).ToList()));
        foreach (var (set, i) in sets.Select((set, i) => (set, i)))
        {
            foreach (var withColumns in new[] { false, true })
            {
                lines.AddRange((await read.GetEdgesAmongAsync(set, [], withColumns, Ct))
                    .Select(e => $"{i} {withColumns}: {e.Source} {e.Relationship} {e.Target} up {e.Upstream}").Order(StringComparer.Ordinal));
            }
        }
        return lines;
    }

    /// <summary>Every node's facts, with and without owners, one line each.</summary>
    private static async Task<List<string>> FactsAsync(ILineageRead read, List<string> nodes)
    {
        var lines = new List<string>();
        foreach (var withOwners in new[] { false, true })
        {
            var facts = await read.GetNodeFactsAsync([.. nodes, Mint.Dataset()], withOwners, Ct);
            lines.AddRange(facts.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f =>
                $"{f.Key} removed {f.Value.Removed} exists {f.Value.Exists} deprecated {f.Value.Deprecated} owners {string.Join(" ", f.Value.Owners)} ({withOwners})"));
        }
        return lines;
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
        return await StepsAsync(read, query);
    }

    private static async Task<List<string>> StepsAsync(ILineageRead read, LineageHopQuery query) =>
        (await read.GetHopsAsync(query, Ct)).Select(e => $"{e.Source} {e.Relationship} {e.Target}").Order(StringComparer.Ordinal).ToList();
}
