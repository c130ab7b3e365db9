using Lineage.Graph.Changes;
using Lineage.Graph.Storage;
using Lineage.Graph.Traversal;

namespace Lineage.Api.Tests.Support;

/// <summary>
/// The host's store as its lineage service sees it: counts the urns the walks hand back, and can be made slow. The
/// delays ignore the token, so the real store is then called with a deadline already past and has to honour it.
/// </summary>
public sealed class InstrumentedStore(IGraphStore inner) : IGraphStore
{
    private int _urnsWalked;

    /// <summary>How many urns <see cref="TraverseAsync"/> and <see cref="StepAsync"/> have handed back so far.</summary>
    public int UrnsWalked => _urnsWalked;

    /// <summary>Waited before each walk call (<see cref="TraverseAsync"/>, <see cref="StepAsync"/>).</summary>
    public TimeSpan WalkDelay { get; set; }

    /// <summary>Waited before each read that dresses a walk (<see cref="GetLatestAspectsAsync"/>, <see cref="GetLineageEdgesAmongAsync"/>).</summary>
    public TimeSpan ReadDelay { get; set; }

    public async Task<TraversalResult> TraverseAsync(TraversalQuery query, CancellationToken ct)
    {
        await Task.Delay(WalkDelay, CancellationToken.None);
        var result = await inner.TraverseAsync(query, ct);
        Interlocked.Add(ref _urnsWalked, result.Nodes.Count);
        return result;
    }

    public async Task<IReadOnlyList<string>> StepAsync(LineageStep step, CancellationToken ct)
    {
        await Task.Delay(WalkDelay, CancellationToken.None);
        var next = await inner.StepAsync(step, ct);
        Interlocked.Add(ref _urnsWalked, next.Count);
        return next;
    }

    public async Task<IReadOnlyDictionary<string, StoredAspect>> GetLatestAspectsAsync(IReadOnlyCollection<string> urns, string aspect, CancellationToken ct)
    {
        await Task.Delay(ReadDelay, CancellationToken.None);
        return await inner.GetLatestAspectsAsync(urns, aspect, ct);
    }

    public async Task<IReadOnlyList<LineageEdge>> GetLineageEdgesAmongAsync(IReadOnlyCollection<string> urns, IReadOnlyList<string> types, CancellationToken ct)
    {
        await Task.Delay(ReadDelay, CancellationToken.None);
        return await inner.GetLineageEdgesAmongAsync(urns, types, ct);
    }

    public Task InitializeAsync(CancellationToken ct) => inner.InitializeAsync(ct);
    public Task<IReadOnlyList<WriteOutcome>> WriteAsync(IReadOnlyList<StoreOperation> operations, CancellationToken ct) => inner.WriteAsync(operations, ct);
    public Task<StoredEntity?> GetEntityAsync(string urn, CancellationToken ct) => inner.GetEntityAsync(urn, ct);
    public Task<IReadOnlyDictionary<string, StoredEntity>> GetEntitiesAsync(IReadOnlyCollection<string> urns, CancellationToken ct) => inner.GetEntitiesAsync(urns, ct);
    public Task<StoredAspect?> GetAspectAsync(string urn, string aspect, long version, CancellationToken ct) => inner.GetAspectAsync(urn, aspect, version, ct);
    public Task<IReadOnlyList<StoredAspect>> GetAspectVersionsAsync(string urn, string aspect, CancellationToken ct) => inner.GetAspectVersionsAsync(urn, aspect, ct);
    public Task<IReadOnlyList<TimeseriesValue>> GetTimeseriesValuesAsync(TimeseriesQuery query, CancellationToken ct) => inner.GetTimeseriesValuesAsync(query, ct);
    public Task<RelationshipPage> GetRelationshipsAsync(RelationshipQuery query, CancellationToken ct) => inner.GetRelationshipsAsync(query, ct);
    public Task<IReadOnlyDictionary<string, long>> GetConnectivityAsync(IReadOnlyCollection<string> urns, CancellationToken ct) => inner.GetConnectivityAsync(urns, ct);
    public Task<IReadOnlyList<ChangeRecord>> ReadChangesAfterAsync(long after, int limit, CancellationToken ct) => inner.ReadChangesAfterAsync(after, limit, ct);

    // The store belongs to the host; this wrapper only borrows it.
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
