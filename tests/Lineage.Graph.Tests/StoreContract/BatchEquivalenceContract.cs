using Lineage.Graph.Storage;
using static Lineage.Graph.Tests.StoreContract.Ops;

namespace Lineage.Graph.Tests.StoreContract;

/// <summary>
/// A batch means what its operations mean one after another: the stores apply a batch set-based (every row of a
/// step in one statement), and that must leave what writing the operations one by one leaves.
/// </summary>
public abstract class BatchEquivalenceContract<TFixture>(TFixture fx) : IClassFixture<TFixture> where TFixture : StoreFixture
{
    private readonly IGraphStore _store = fx.Store;
    private static readonly CancellationToken Ct = CancellationToken.None;

    private sealed record Names(string Model, string Group1, string Group2, string Owner)
    {
        public static Names Mint() => new(StoreContract.Mint.Model(), StoreContract.Mint.Group(), StoreContract.Mint.Group(), StoreContract.Mint.User());

        public string[] All => [Model, Group1, Group2, Owner];
    }

    /// <summary>What is stored before the script runs, so that it has stored versions and edges to touch and replace.</summary>
    private static StoreOperation[] Before(Names n) =>
    [
        Upsert(n.Model, "mlModelProperties", """{"v": 1}""", ("MemberOf", n.Group1)),
        Upsert(n.Model, "ownership", "{}", ("OwnedBy", n.Owner)),
        Upsert(n.Group1, "mlModelGroupProperties", """{"g": 1}"""),
    ];

    /// <summary>
    /// A stored version touched twice, new versions, a duplicate edge, a soft delete, an aspect deleted and re-created,
    /// an entity wiped and re-created.
    /// </summary>
    private static StoreOperation[] Script(Names n) =>
    [
        Upsert(n.Model, "mlModelProperties", """{"v": 1}""", ("MemberOf", n.Group1)) with { SystemMetadata = Json("""{"runId": "a"}""") },
        Upsert(n.Model, "mlModelProperties", """{"v": 1}""", ("MemberOf", n.Group1)) with { SystemMetadata = Json("""{"runId": "b"}""") },
        Upsert(n.Model, "mlModelProperties", """{"v": 2}""", ("MemberOf", n.Group1), ("MemberOf", n.Group1), ("MemberOf", n.Group2)),
        Upsert(n.Model, "mlModelProperties", """{"v": 3}""", ("MemberOf", n.Group2)),
        Upsert(n.Model, "mlModelProperties", """{"v": 3}""", ("MemberOf", n.Group2)) with { SystemMetadata = Json("""{"runId": "c"}""") },
        Status(n.Model, true),
        Delete(n.Model, "ownership"),
        Upsert(n.Model, "ownership", """{"again": true}""", ("OwnedBy", n.Owner), ("OwnedBy", n.Group1)),
        DeleteEntity(n.Group1),
        Upsert(n.Group1, "mlModelGroupProperties", """{"g": 2}"""),
    ];

    [Fact]
    public async Task a_batch_leaves_what_its_operations_leave_one_by_one()
    {
        var (batched, single) = (Names.Mint(), Names.Mint());
        await _store.WriteAsync(Before(batched), Ct);
        await _store.WriteAsync(Before(single), Ct);

        var batchOutcomes = await _store.WriteAsync(Script(batched), Ct);
        var singleOutcomes = new List<WriteOutcome>();
        foreach (var op in Script(single)) singleOutcomes.Add(await _store.WriteOneAsync(op));

        Outcomes(batchOutcomes, batched).ShouldBe(Outcomes(singleOutcomes, single));
        (await StateAsync(batched)).ShouldBe(await StateAsync(single));
    }

    /// <summary>Outcomes with the urns named by role and the sequence numbers left out (they are the feed's).</summary>
    private static List<string> Outcomes(IEnumerable<WriteOutcome> outcomes, Names n) =>
        [.. outcomes.Select(o => $"{Role(o.Urn, n)} {o.Aspect} {o.Effect} {o.Revision} {(o.Sequence is null ? "-" : "seq")}")];

    /// <summary>Everything a reader can see of the names, as text with the urns named by role and timestamps left out.</summary>
    private async Task<List<string>> StateAsync(Names n)
    {
        var lines = new List<string>();
        foreach (var urn in n.All)
        {
            var entity = await _store.GetEntityAsync(urn, Ct);
            lines.Add($"{Role(urn, n)} removed={entity?.Removed}");
            foreach (var aspect in new[] { "mlModelProperties", "ownership", "status", "mlModelGroupProperties" })
            {
                foreach (var v in await _store.GetAspectVersionsAsync(urn, aspect, Ct))
                    lines.Add($"  {aspect} v{v.Version} r{v.Revision} {v.Value.ToJsonString()} {v.SystemMetadata?.ToJsonString()} {v.CreatedBy}");
            }
            foreach (var r in (await _store.OutgoingAsync(urn)).Items.OrderBy(r => r.Type).ThenBy(r => Role(r.Urn, n)))
                lines.Add($"  -> {r.Type} {Role(r.Urn, n)}");
            foreach (var r in (await _store.IncomingAsync(urn)).Items.OrderBy(r => r.Type).ThenBy(r => Role(r.Urn, n)))
                lines.Add($"  <- {r.Type} {Role(r.Urn, n)}");
        }
        var changes = await _store.ChangesForAsync(n.All);
        lines.AddRange(changes.Select(c => $"change {Role(c.Urn, n)} {c.Aspect} {c.Kind} r{c.Revision} {c.Previous?.ToJsonString()} {c.Current?.ToJsonString()}"));
        return lines;
    }

    private static string Role(string urn, Names n) =>
        urn == n.Model ? "model" : urn == n.Group1 ? "group1" : urn == n.Group2 ? "group2" : urn == n.Owner ? "owner" : urn;
}
