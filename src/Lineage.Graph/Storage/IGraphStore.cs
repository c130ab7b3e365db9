using Lineage.Graph.Changes;
using Lineage.Graph.Traversal;

namespace Lineage.Graph.Storage;

/// <summary>
/// The store port: what the write path and the read endpoints need from a store, in the domain's terms.
/// SQLite (embedded default) and Neo4j implement it; both pass the same contract suite.
/// </summary>
public interface IGraphStore : IAsyncDisposable
{
    /// <summary>Creates the schema if needed; called once at start-up.</summary>
    Task InitializeAsync(CancellationToken ct);

    /// <summary>
    /// Applies every operation in order, atomically: all of them or none. A failed condition throws
    /// <see cref="Errors.ConflictException"/> and nothing is written.
    /// </summary>
    Task<IReadOnlyList<WriteOutcome>> WriteAsync(IReadOnlyList<StoreOperation> operations, CancellationToken ct);

    /// <summary>The entity with its latest aspects, or null when it has none.</summary>
    Task<StoredEntity?> GetEntityAsync(string urn, CancellationToken ct);

    /// <summary>Several entities at once (the search feeder's read); urns without aspects are left out.</summary>
    Task<IReadOnlyDictionary<string, StoredEntity>> GetEntitiesAsync(IReadOnlyCollection<string> urns, CancellationToken ct);

    /// <summary>One version of an aspect (0 = latest), or null.</summary>
    Task<StoredAspect?> GetAspectAsync(string urn, string aspect, long version, CancellationToken ct);

    /// <summary>Every kept version of an aspect, latest (0) first, then newest history to oldest.</summary>
    Task<IReadOnlyList<StoredAspect>> GetAspectVersionsAsync(string urn, string aspect, CancellationToken ct);

    /// <summary>The kept values of a timeseries aspect in a time range, newest first.</summary>
    Task<IReadOnlyList<TimeseriesValue>> GetTimeseriesValuesAsync(TimeseriesQuery query, CancellationToken ct);

    /// <summary>A page of the entities related to one entity.</summary>
    Task<RelationshipPage> GetRelationshipsAsync(RelationshipQuery query, CancellationToken ct);

    /// <summary>The latest value of one aspect for each of the urns that has it (absent urns are left out).</summary>
    Task<IReadOnlyDictionary<string, StoredAspect>> GetLatestAspectsAsync(IReadOnlyCollection<string> urns, string aspect, CancellationToken ct);

    /// <summary>Opens the reads of one lineage answer (<see cref="ILineageRead"/>); dispose it when the answer is made.</summary>
    Task<ILineageRead> OpenLineageReadAsync(CancellationToken ct);

    /// <summary>
    /// The lineage edges current at some moment of <paramref name="time"/> (stated by its end, not replaced before its
    /// start) with an end among <paramref name="urns"/> or, with <paramref name="withColumns"/>, among their columns, each
    /// once with its column mapping: what a lineage answer as of a past time (<see cref="LineageReadAsOf"/>) walks, from
    /// the edge history the write path keeps.
    /// </summary>
    Task<IReadOnlyList<LineageEdge>> GetHistoricalLineageEdgesAsync(
        IReadOnlyCollection<string> urns, bool withColumns, LineageTime time, CancellationToken ct);

    /// <summary>
    /// When the store began its edge history, while the lineage edges of aspect versions replaced before then are still
    /// to be added to it from the versions (<see cref="Writing.EdgeHistoryReplay"/>); null once they are.
    /// </summary>
    Task<DateTimeOffset?> GetEdgeHistoryReplayAsync(CancellationToken ct);

    /// <summary>
    /// Adds edge versions that ended before the edge history began; with <paramref name="done"/>, the replay is over for
    /// good (<see cref="GetEdgeHistoryReplayAsync"/> answers null from then on).
    /// </summary>
    Task AppendEdgeHistoryAsync(IReadOnlyList<Batches.EdgeVersion> versions, bool done, CancellationToken ct);

    /// <summary>
    /// Up to <paramref name="limit"/> urns of the entities the store holds, in an order the store keeps, after
    /// <paramref name="after"/> (from the first when null): a walk over every entity a page at a time, which writes made
    /// meanwhile do not upset. Urns other entities only point to may be among them (see <see cref="GetEntitiesAsync"/>).
    /// </summary>
    Task<IReadOnlyList<string>> ListEntityUrnsAsync(string? after, int limit, CancellationToken ct);

    /// <summary>
    /// What the store keeps about each of <paramref name="urns"/> that has anything stored (<see cref="EntityArchive"/>),
    /// in the order of <paramref name="urns"/>: the export's read, a page of <see cref="ListEntityUrnsAsync"/> at a time.
    /// </summary>
    Task<IReadOnlyList<EntityArchive>> GetArchivesAsync(IReadOnlyList<string> urns, CancellationToken ct);

    /// <summary>The sequence number of the change feed's last committed change; 0 when it has none.</summary>
    Task<long> GetLastSequenceAsync(CancellationToken ct);

    /// <summary>How many relationship edges touch each urn (in and out); urns without any are left out.</summary>
    Task<IReadOnlyDictionary<string, long>> GetConnectivityAsync(IReadOnlyCollection<string> urns, CancellationToken ct);

    /// <summary>
    /// Up to <paramref name="limit"/> changes after <paramref name="after"/>, in order and without gaps: numbered
    /// after + 1, after + 2, … A change whose commit is not yet visible ends the answer, so a reader that moves its
    /// cursor to the last change it got never passes one.
    /// </summary>
    Task<IReadOnlyList<ChangeRecord>> ReadChangesAfterAsync(long after, int limit, CancellationToken ct);
}
