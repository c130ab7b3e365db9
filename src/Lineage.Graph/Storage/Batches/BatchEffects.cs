using Lineage.Graph.Changes;
using Lineage.Graph.Relationships;

namespace Lineage.Graph.Storage.Batches;

/// <summary>
/// The net effect of a batch on the store, in terms every store can apply in bulk and in this order:
/// wipe deleted entities, archive superseded latests, drop superseded timeseries latests, upsert entity records,
/// insert new versions, mark deleted versions, touch system metadata, replace edges, keep timeseries values, append changes.
/// <see cref="EdgeHistoryEnds"/> and <see cref="EdgeVersions"/> (<see cref="EdgeHistory"/>) are applied after the wipes.
/// </summary>
public sealed record BatchEffects(
    IReadOnlyList<string> WipedEntities,
    IReadOnlyList<AspectKey> ArchivedLatest,
    IReadOnlyList<AspectKey> DroppedLatest,
    IReadOnlyList<NewAspectVersion> NewVersions,
    IReadOnlyList<SystemMetadataTouch> Touches,
    IReadOnlyList<EdgeReplacement> EdgeReplacements,
    IReadOnlyList<EntityRecord> Entities,
    IReadOnlyList<PendingChange> Changes,
    IReadOnlyList<PlannedOutcome> Outcomes,
    IReadOnlyList<TimeseriesPoint> TimeseriesPoints,
    IReadOnlyList<DeletedVersion> Deletions,
    IReadOnlyList<EdgeHistoryEnd> EdgeHistoryEnds,
    IReadOnlyList<EdgeVersion> EdgeVersions)
{
    /// <summary>The outcomes once the store has numbered the changes (<paramref name="sequences"/>[i] for change i).</summary>
    public IReadOnlyList<WriteOutcome> Resolve(IReadOnlyList<long> sequences) =>
        Outcomes.Select(o => new WriteOutcome(o.Urn, o.Aspect, o.Effect, o.Revision,
            o.ChangeIndex is { } i ? sequences[i] : null)).ToList();
}

/// <summary>A version to store: <see cref="Version"/> is final (0 if it is the latest after the batch, else its revision).</summary>
public sealed record NewAspectVersion(
    string Urn, string EntityType, string Aspect, long Revision, long Version,
    string Json, string Hash, string? SystemMetadataJson, long CreatedAt, string CreatedBy);

/// <summary>
/// A deleted aspect's last value, history at the version numbered by its revision by now: it records when the aspect
/// was deleted, so a read as of a moment knows the aspect was gone then.
/// </summary>
public sealed record DeletedVersion(string Urn, string Aspect, long Revision, long At);

/// <summary>An unchanged write: the stored version with this revision takes the newer system metadata.</summary>
public sealed record SystemMetadataTouch(string Urn, string Aspect, long Revision, string SystemMetadataJson);

/// <summary>
/// The edges of one aspect of one entity after the batch (empty when the aspect is gone), stated at <paramref name="At"/>
/// (Unix ms): current since then.
/// </summary>
public sealed record EdgeReplacement(string Urn, string Aspect, IReadOnlyList<Relationship> Edges, long At);

/// <summary>An entity that exists after the batch; <see cref="Removed"/> is its soft-delete flag when the batch set it.</summary>
public sealed record EntityRecord(string Urn, string EntityType, bool? Removed, long CreatedAt);

/// <summary>A change-feed record waiting for its sequence number, which the store assigns in order.</summary>
public sealed record PendingChange(
    string Urn, string EntityType, string? Aspect, ChangeKind Kind, string? PreviousJson, string? CurrentJson, long Revision, long At,
    string? SystemMetadataJson, string Actor);

/// <summary>An operation's outcome, pointing at its change (if any) by index.</summary>
public sealed record PlannedOutcome(string Urn, string? Aspect, WriteEffect Effect, long Revision, int? ChangeIndex);

/// <summary>A timeseries value to keep (replacing one with the same urn, aspect, time and partition).</summary>
public sealed record TimeseriesPoint(
    string Urn, string Aspect, long TimestampMillis, string Partition, string Json, string? SystemMetadataJson,
    long CreatedAt, string CreatedBy);
