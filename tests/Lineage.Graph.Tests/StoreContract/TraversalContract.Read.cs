using Lineage.Graph.Registry;
using Lineage.Graph.Relationships;
using Lineage.Graph.Storage;
using Lineage.Graph.Traversal;
using static Lineage.Graph.Tests.StoreContract.Ops;

namespace Lineage.Graph.Tests.StoreContract;

// The walk's reads as a store answers them: what it says of each node, and the edges among the nodes it keeps.
public abstract partial class TraversalContract<TFixture>
{
    [Fact]
    public async Task a_read_says_of_each_node_whether_it_is_removed_ingested_deprecated_and_who_owns_it()
    {
        var (deprecated, current, removed, named, unknown) = (Mint.Model(), Mint.Model(), Mint.Model(), Mint.Dataset(), Mint.Dataset());
        var (alice, bob) = (Mint.User(), Mint.User());
        await _store.WriteBatchAsync(
            Upsert(deprecated, "deprecation", """{"deprecated": true, "note": "use v2"}"""),
            Upsert(deprecated, "ownership", $$"""{"owners": [{"owner": "{{alice}}", "type": "DATAOWNER"}, {"owner": "{{bob}}", "type": "TECHNICAL_OWNER"}]}"""),
            Upsert(current, "deprecation", """{"deprecated": false}"""),
            UpsertLineage(removed, "mlModelProperties", "{}", ("TrainedBy", named, LineageRole.TargetIsUpstream)),
            Status(removed, removed: true));

        await using var read = await _store.OpenLineageReadAsync(Ct);
        var facts = await read.GetNodeFactsAsync([deprecated, current, removed, named, unknown], withOwners: true, Ct);
        var withoutOwners = await read.GetNodeFactsAsync([deprecated], withOwners: false, Ct);

        facts.Keys.ShouldBe([deprecated, current, removed, named], ignoreOrder: true);
        facts[deprecated].ShouldSatisfyAllConditions(
            f => (f.Removed, f.Exists, f.Deprecated).ShouldBe((false, true, true)),
            f => f.Owners.ShouldBe([alice, bob], ignoreOrder: true));
        (facts[current].Removed, facts[current].Exists, facts[current].Deprecated, facts[current].Owners.Count).ShouldBe((false, true, false, 0));
        (facts[removed].Removed, facts[removed].Exists, facts[removed].Deprecated).ShouldBe((true, true, false));
        // Only named by an edge: the store knows the urn, not an entity.
        (facts[named].Removed, facts[named].Exists, facts[named].Deprecated).ShouldBe((false, false, false));
        withoutOwners[deprecated].Owners.ShouldBeEmpty();
        (await read.GetNodeFactsAsync([], withOwners: true, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_nodes_facts_follow_its_latest_deprecation_and_ownership_through_rewrites_deletes_and_a_hard_delete()
    {
        var (model, other) = (Mint.Model(), Mint.Model());
        var (alice, bob) = (Mint.User(), Mint.User());
        await _store.WriteBatchAsync(
            Upsert(model, "deprecation", """{"deprecated": true}"""),
            Upsert(model, "ownership", $$"""{"owners": [{"owner": "{{alice}}", "type": "DATAOWNER"}]}"""),
            Upsert(other, "ownership", $$"""{"owners": [{"owner": "{{alice}}", "type": "DATAOWNER"}]}"""));
        // In one batch: the flag lifted, the owners replaced; the other's owners deleted, then the model is hard-deleted
        // and written again without either aspect.
        await _store.WriteBatchAsync(
            Upsert(model, "deprecation", """{"deprecated": false}"""),
            Upsert(model, "ownership", $$"""{"owners": [{"owner": "{{bob}}", "type": "DATAOWNER"}]}"""),
            Delete(other, "ownership"));
        var rewritten = await FactsAsync(model, other);
        await _store.WriteOneAsync(DeleteEntity(model));
        await _store.WriteOneAsync(Upsert(model, "mlModelProperties", "{}"));
        var recreated = await FactsAsync(model);

        (rewritten[model].Deprecated, rewritten[model].Owners.Single()).ShouldBe((false, bob));
        rewritten[other].Owners.ShouldBeEmpty();
        (recreated[model].Exists, recreated[model].Deprecated, recreated[model].Owners.Count).ShouldBe((true, false, 0));
    }

    private async Task<IReadOnlyDictionary<string, NodeFacts>> FactsAsync(params string[] urns)
    {
        await using var read = await _store.OpenLineageReadAsync(Ct);
        return await read.GetNodeFactsAsync(urns, withOwners: true, Ct);
    }

    [Fact]
    public async Task the_edges_among_a_set_have_both_ends_in_it_or_with_columns_in_a_column_of_one_of_it()
    {
        var (a, b, c, job) = (Mint.Dataset(), Mint.Dataset(), Mint.Dataset(), Mint.Job());
        static string Column(string parent, string field) => $"urn:li:schemaField:({parent},{field})";
        Relationship ColumnEdge(string owner, string downstream, string upstream) =>
            new(downstream, "DownstreamOf", upstream, "upstreamLineage", LineageRole.TargetIsUpstream) { Owner = owner, Mapping = new ColumnMapping(null, "COPY", null) };
        await _store.WriteBatchAsync(
            Upsert(a, "datasetProperties", "{}"),
            UpsertLineage(b, "upstreamLineage", "{}", ("DownstreamOf", a, LineageRole.TargetIsUpstream)) with
            {
                Edges = [new(b, "DownstreamOf", a, "upstreamLineage", LineageRole.TargetIsUpstream), ColumnEdge(b, Column(b, "id"), Column(a, "id"))],
            },
            UpsertLineage(c, "upstreamLineage", "{}") with
            {
                Edges = [new(c, "DownstreamOf", a, "upstreamLineage", LineageRole.TargetIsUpstream), ColumnEdge(c, Column(c, "id"), Column(a, "id"))],
            },
            // A job's urn has parentheses inside its own: its columns' dataset cannot be read by pattern alone.
            UpsertLineage(job, "upstreamLineage", "{}") with { Edges = [ColumnEdge(job, Column(job, "out"), Column(a, "name"))] });

        await using var read = await _store.OpenLineageReadAsync(Ct);
        var entities = await read.GetEdgesAmongAsync([a, b], [], withColumns: false, Ct);
        var withColumns = await read.GetEdgesAmongAsync([a, b], [], withColumns: true, Ct);
        var withJob = await read.GetEdgesAmongAsync([a, b, job], [], withColumns: true, Ct);
        var otherTypes = await read.GetEdgesAmongAsync([a, b], ["Consumes"], withColumns: true, Ct);

        var ba = new LineageEdge(b, a, "DownstreamOf", a);
        var columnBa = new LineageEdge(Column(b, "id"), Column(a, "id"), "DownstreamOf", Column(a, "id")) { Mapping = new ColumnMapping(null, "COPY", null) };
        var columnJobA = new LineageEdge(Column(job, "out"), Column(a, "name"), "DownstreamOf", Column(a, "name")) { Mapping = new ColumnMapping(null, "COPY", null) };
        entities.ShouldBe([ba]);
        withColumns.ShouldBe([ba, columnBa], ignoreOrder: true);
        withJob.ShouldBe([ba, columnBa, columnJobA], ignoreOrder: true);
        otherTypes.ShouldBeEmpty();
        (await read.GetEdgesAmongAsync([], [], withColumns: true, Ct)).ShouldBeEmpty();
    }
}
