using Lineage.Graph.Traversal;
using static Lineage.Graph.Tests.StoreContract.Ops;

namespace Lineage.Graph.Tests.StoreContract;

// One level of a walk its caller steers (the path search): the same roles, filters and order as a whole walk.
public abstract partial class TraversalContract<TFixture>
{
    [Fact]
    public async Task a_step_returns_the_next_hop_of_the_whole_frontier_in_urn_order_leaving_out_the_nodes_seen()
    {
        var e = await WriteEstateAsync();

        var down = await StepAsync([e.Model], Downstream);
        var up = await StepAsync([e.Model], Upstream);
        var wide = await StepAsync([e.Feature, e.Model], Downstream, seen: [e.Feature, e.Model, e.Group]);
        var first = await StepAsync([e.Model], Downstream, limit: 1);

        down.ShouldBe(InOrder(e.Group, e.Job));
        up.ShouldBe([e.Feature]);
        wide.ShouldBe([e.Job]);
        first.ShouldBe([InOrder(e.Group, e.Job)[0]]);
        (await StepAsync([], Downstream)).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_step_follows_only_the_relationships_named_and_steps_into_soft_deleted_nodes_only_when_asked()
    {
        var (d, f, m) = (Mint.Dataset(), Mint.Feature(), Mint.Model());
        var job = Mint.Job();
        await _store.WriteBatchAsync(
            Upsert(d, "datasetProperties", "{}"),
            UpsertLineage(f, "mlFeatureProperties", "{}", ("DerivedFrom", d, Up)),
            UpsertLineage(job, "dataJobInputOutput", "{}", ("Consumes", d, Up)),
            UpsertLineage(m, "mlModelProperties", "{}", ("TrainedBy", d, Up)),
            Status(m, removed: true));

        (await StepAsync([d], Downstream)).ShouldBe(InOrder(f, job));
        (await StepAsync([d], Downstream, includeRemoved: true)).ShouldBe(InOrder(f, job, m));
        (await StepAsync([d], Downstream, types: ["DerivedFrom"])).ShouldBe([f]);
    }

    private async Task<IReadOnlyList<string>> StepAsync(string[] frontier, LineageDirection direction, string[]? seen = null,
        string[]? types = null, bool includeRemoved = false, int limit = 1000)
    {
        var known = (seen ?? frontier).ToHashSet(StringComparer.Ordinal);
        var level = await new LineageWalk(_store).NextLevelAsync(frontier, direction, types ?? [], includeRemoved,
            LineageGranularity.Entity, known.Contains, Ct);
        return level.Take(limit).Select(h => h.Urn).ToList();
    }
}
