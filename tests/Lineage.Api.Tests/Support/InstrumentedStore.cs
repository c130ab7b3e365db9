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

    /// <summary>How many edges the walks' levels (<see cref="ILineageRead.GetHopsAsync"/>) have handed back so far.</summary>
    public int UrnsWalked => _urnsWalked;

    /// <summary>Waited before each level of a walk (<see cref="ILineageRead.GetHopsAsync"/>).</summary>
    public TimeSpan WalkDelay { get; set; }

    /// <summary>Waited before each read that dresses a walk (<see cref="ILineageRead.GetNodeFactsAsync"/>, <see cref="ILineageRead.GetEdgesAmongAsync"/>).</summary>
    public TimeSpan ReadDelay { get; set; }

    public async Task<ILineageRead> OpenLineageReadAsync(CancellationToken ct) => new Read(this, await inner.OpenLineageReadAsync(ct));
    public Task<DateTimeOffset?> GetEdgeHistoryReplayAsync(CancellationToken ct) => inner.GetEdgeHistoryReplayAsync(ct);
    public Task AppendEdgeHistoryAsync(IReadOnlyList<Lineage.Graph.Storage.Batches.EdgeVersion> versions, bool done, CancellationToken ct) =>
        inner.AppendEdgeHistoryAsync(versions, done, ct);
    public Task<IReadOnlyList<LineageEdge>> GetHistoricalLineageEdgesAsync(
        IReadOnlyCollection<string> urns, bool withColumns, LineageTime time, CancellationToken ct) =>
        inner.GetHistoricalLineageEdgesAsync(urns, withColumns, time, ct);

    public Task<IReadOnlyDictionary<string, StoredAspect>> GetLatestAspectsAsync(IReadOnlyCollection<string> urns, string aspect, CancellationToken ct) =>
        inner.GetLatestAspectsAsync(urns, aspect, ct);

    private sealed class Read(InstrumentedStore store, ILineageRead inner) : ILineageRead
    {
        public async Task<IReadOnlyList<LineageEdge>> GetHopsAsync(LineageHopQuery query, CancellationToken ct)
        {
            await Task.Delay(store.WalkDelay, CancellationToken.None);
            var hops = await inner.GetHopsAsync(query, ct);
            Interlocked.Add(ref store._urnsWalked, hops.Count);
            return hops;
        }

        public async Task<IReadOnlyDictionary<string, NodeFacts>> GetNodeFactsAsync(IReadOnlyCollection<string> urns, bool withOwners, CancellationToken ct)
        {
            await Task.Delay(store.ReadDelay, CancellationToken.None);
            return await inner.GetNodeFactsAsync(urns, withOwners, ct);
        }

        public async Task<IReadOnlyList<LineageEdge>> GetEdgesAmongAsync(
            IReadOnlyCollection<string> urns, IReadOnlyList<string> types, bool withColumns, CancellationToken ct)
        {
            await Task.Delay(store.ReadDelay, CancellationToken.None);
            return await inner.GetEdgesAmongAsync(urns, types, withColumns, ct);
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
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
    public Task<IReadOnlyList<EntityArchive>> GetArchivesAsync(IReadOnlyList<string> urns, CancellationToken ct) => inner.GetArchivesAsync(urns, ct);

    public Task<IReadOnlyList<string>> ListEntityUrnsAsync(string? after, int limit, CancellationToken ct) => inner.ListEntityUrnsAsync(after, limit, ct);
    public Task<long> GetLastSequenceAsync(CancellationToken ct) => inner.GetLastSequenceAsync(ct);
    public Task<IReadOnlyList<ChangeRecord>> ReadChangesAfterAsync(long after, int limit, CancellationToken ct) => inner.ReadChangesAfterAsync(after, limit, ct);

    // The store belongs to the host; this wrapper only borrows it.
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
