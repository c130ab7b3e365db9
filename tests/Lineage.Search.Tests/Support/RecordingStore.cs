using Lineage.Graph.Changes;
using Lineage.Graph.Storage;
using Lineage.Graph.Traversal;

namespace Lineage.Search.Tests.Support;

/// <summary>
/// A store that records where the feeder reads the change feed from, and can fail an entity read the way a
/// process killed mid-update would leave it: after the store committed, before the index did.
/// </summary>
internal sealed class RecordingStore(IGraphStore inner) : IGraphStore
{
    private int _entityReads;

    /// <summary>The <c>after</c> of every change-feed read, in order.</summary>
    public List<long> ReadsAfter { get; } = [];

    private int _walkPages;

    /// <summary>Pages of the walk over every entity urn read (the feeder building an empty index from the store).</summary>
    public int EntityWalkPages => _walkPages;

    /// <summary>When set, entity reads after this many fail (the indexing process dies).</summary>
    public int? FailAfterEntityReads { get; init; }

    public Task<IReadOnlyList<ChangeRecord>> ReadChangesAfterAsync(long after, int limit, CancellationToken ct)
    {
        lock (ReadsAfter) ReadsAfter.Add(after);
        return inner.ReadChangesAfterAsync(after, limit, ct);
    }

    public Task<StoredEntity?> GetEntityAsync(string urn, CancellationToken ct) =>
        Interlocked.Increment(ref _entityReads) > FailAfterEntityReads
            ? throw new IOException("the indexing process died")
            : inner.GetEntityAsync(urn, ct);

    public Task<IReadOnlyDictionary<string, StoredEntity>> GetEntitiesAsync(IReadOnlyCollection<string> urns, CancellationToken ct) =>
        Interlocked.Add(ref _entityReads, urns.Count) > FailAfterEntityReads
            ? throw new IOException("the indexing process died")
            : inner.GetEntitiesAsync(urns, ct);

    public Task<IReadOnlyDictionary<string, StoredAspect>> GetLatestAspectsAsync(IReadOnlyCollection<string> urns, string aspect, CancellationToken ct) =>
        inner.GetLatestAspectsAsync(urns, aspect, ct);

    public Task<ILineageRead> OpenLineageReadAsync(CancellationToken ct) => inner.OpenLineageReadAsync(ct);
    public Task<DateTimeOffset?> GetEdgeHistoryReplayAsync(CancellationToken ct) => inner.GetEdgeHistoryReplayAsync(ct);
    public Task AppendEdgeHistoryAsync(IReadOnlyList<Lineage.Graph.Storage.Batches.EdgeVersion> versions, bool done, CancellationToken ct) =>
        inner.AppendEdgeHistoryAsync(versions, done, ct);
    public Task<IReadOnlyList<LineageEdge>> GetHistoricalLineageEdgesAsync(
        IReadOnlyCollection<string> urns, bool withColumns, LineageTime time, CancellationToken ct) =>
        inner.GetHistoricalLineageEdgesAsync(urns, withColumns, time, ct);

    public Task InitializeAsync(CancellationToken ct) => inner.InitializeAsync(ct);

    public Task<IReadOnlyList<WriteOutcome>> WriteAsync(IReadOnlyList<StoreOperation> operations, CancellationToken ct) =>
        inner.WriteAsync(operations, ct);

    public Task<StoredAspect?> GetAspectAsync(string urn, string aspect, long version, CancellationToken ct) =>
        inner.GetAspectAsync(urn, aspect, version, ct);

    public Task<IReadOnlyList<StoredAspect>> GetAspectVersionsAsync(string urn, string aspect, CancellationToken ct) =>
        inner.GetAspectVersionsAsync(urn, aspect, ct);

    public Task<IReadOnlyList<TimeseriesValue>> GetTimeseriesValuesAsync(TimeseriesQuery query, CancellationToken ct) =>
        inner.GetTimeseriesValuesAsync(query, ct);

    public Task<RelationshipPage> GetRelationshipsAsync(RelationshipQuery query, CancellationToken ct) =>
        inner.GetRelationshipsAsync(query, ct);

    public Task<IReadOnlyDictionary<string, long>> GetConnectivityAsync(IReadOnlyCollection<string> urns, CancellationToken ct) =>
        inner.GetConnectivityAsync(urns, ct);
    public Task<IReadOnlyList<EntityArchive>> GetArchivesAsync(IReadOnlyList<string> urns, CancellationToken ct) => inner.GetArchivesAsync(urns, ct);

    public Task<IReadOnlyList<string>> ListEntityUrnsAsync(string? after, int limit, CancellationToken ct)
    {
        Interlocked.Increment(ref _walkPages);
        return inner.ListEntityUrnsAsync(after, limit, ct);
    }
    public Task<long> GetLastSequenceAsync(CancellationToken ct) => inner.GetLastSequenceAsync(ct);

    /// <summary>The fixture owns the store; this wrapper has nothing to release.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
