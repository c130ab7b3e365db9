using Lineage.Graph.Registry;
using Lineage.Graph.Tests.StoreContract;
using Lineage.Graph.Traversal;
using static Lineage.Graph.Tests.StoreContract.Ops;

namespace Lineage.Graph.Tests.Sqlite;

/// <summary>A lineage answer on the embedded store reads one state of the graph, however many reads it makes.</summary>
public sealed class SqliteLineageReadTests(SqliteStoreFixture fx) : IClassFixture<SqliteStoreFixture>
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task a_read_keeps_the_graph_as_it_was_when_it_began_while_writes_land_beside_it()
    {
        var (dataset, feature, model) = (Mint.Dataset(), Mint.Feature(), Mint.Model());
        await fx.Store.WriteBatchAsync(
            Upsert(dataset, "datasetProperties", "{}"),
            UpsertLineage(feature, "mlFeatureProperties", "{}", ("DerivedFrom", dataset, LineageRole.TargetIsUpstream)));
        var down = new LineageHopQuery([dataset], LineageDirection.Downstream, [], false, WithColumns: true);

        await using var read = await fx.Store.OpenLineageReadAsync(Ct);
        (await read.GetHopsAsync(down, Ct)).Select(e => e.Source).ShouldBe([feature]);
        await fx.Store.WriteBatchAsync(
            UpsertLineage(model, "mlModelProperties", "{}", ("TrainedBy", dataset, LineageRole.TargetIsUpstream)),
            Upsert(dataset, "deprecation", """{"deprecated": true}"""));

        (await read.GetHopsAsync(down, Ct)).Select(e => e.Source).ShouldBe([feature]);
        (await read.GetNodeFactsAsync([dataset, model], withOwners: false, Ct)).Keys.ShouldBe([dataset]);
        (await read.GetNodeFactsAsync([dataset], withOwners: false, Ct))[dataset].Deprecated.ShouldBeFalse();
        (await read.GetEdgesAmongAsync([dataset, feature, model], [], withColumns: false, Ct)).Select(e => e.Source).ShouldBe([feature]);
        await using var later = await fx.Store.OpenLineageReadAsync(Ct);
        (await later.GetHopsAsync(down, Ct)).Select(e => e.Source).ShouldBe([feature, model], ignoreOrder: true);
    }
}
