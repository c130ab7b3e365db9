using System.Text.Json.Nodes;
using Lineage.Graph.Changes;
using Lineage.Graph.Errors;
using Lineage.Graph.Relationships;

namespace Lineage.Graph.Storage.Batches;

/// <summary>
/// Plays a batch of operations over the stored state it depends on and returns the batch's net effect, or throws
/// <see cref="ConflictException"/> when a condition fails. Every store plans with this one class, so versioning,
/// conditions and the change feed mean the same thing on SQLite and on Neo4j; stores only read and apply.
/// </summary>
public sealed class BatchPlanner
{
    private readonly StoredState _stored;
    private readonly long _now;
    private readonly Dictionary<AspectKey, Current> _aspects = [];
    private readonly Dictionary<string, EntityNow> _entities = [];
    private readonly HashSet<string> _wiped = [];
    private readonly List<string> _wipedEntities = [];
    private readonly List<AspectKey> _archived = [];
    private readonly List<AspectKey> _dropped = [];
    private readonly Dictionary<PointKey, TimeseriesPoint> _points = [];
    private readonly List<NewAspectVersion?> _versions = [];
    private readonly List<SystemMetadataTouch> _touches = [];
    private readonly Dictionary<AspectKey, EdgeReplacement> _edges = [];
    private readonly Dictionary<string, EntityRecord> _records = [];
    private readonly List<PendingChange> _changes = [];
    private readonly List<PlannedOutcome> _outcomes = [];
    private readonly List<DeletedVersion> _deletions = [];
    private readonly EdgeHistory _history = new();

    private BatchPlanner(StoredState stored, long now) => (_stored, _now) = (stored, now);

    /// <summary>The net effect of <paramref name="operations"/>, applied in order, on <paramref name="stored"/>.</summary>
    public static BatchEffects Plan(IReadOnlyList<StoreOperation> operations, StoredState stored, long now)
    {
        var planner = new BatchPlanner(stored, now);
        for (var i = 0; i < operations.Count; i++)
        {
            planner._outcomes.Add(operations[i] switch
            {
                UpsertAspect upsert => planner.Upsert(upsert, i),
                DeleteAspect delete => planner.DeleteAspect(delete, i),
                DeleteEntity delete => planner.DeleteEntity(delete),
                RecordTimeseries point => planner.Record(point),
                _ => throw new InvalidOperationException($"Unknown operation {operations[i].GetType().Name}"),
            });
        }
        return new BatchEffects(planner._wipedEntities, planner._archived, planner._dropped,
            [.. planner._versions.OfType<NewAspectVersion>()], planner._touches, [.. planner._edges.Values],
            [.. planner._records.Values], planner._changes, planner._outcomes, [.. planner._points.Values], planner._deletions,
            planner._history.Ends, planner._history.Versions);
    }

    /// <summary>The latest version as the batch has left it so far: stored, or one of this batch's new versions.</summary>
    private sealed record Latest(long Revision, string Hash, string Json, int? NewIndex);

    private sealed record Current(Latest? Latest, long MaxVersion);

    private sealed record EntityNow(int LatestAspects, bool HasData);

    private PlannedOutcome Upsert(UpsertAspect op, int index)
    {
        var key = new AspectKey(op.Urn, op.Aspect);
        var current = AspectNow(key);
        var restoring = op.Condition.Kind == WriteConditionKind.Restore;
        if (!Allowed(op.Urn, op.Aspect, op.Condition, current.Latest, index)
            || restoring && Math.Max(current.Latest?.Revision ?? 0, current.MaxVersion) >= op.Condition.Revision)
            return new PlannedOutcome(op.Urn, op.Aspect, WriteEffect.Skipped, current.Latest?.Revision ?? 0, null);

        if (!restoring && current.Latest is { } same && same.Hash == op.ValueHash)
        {
            if (op.SystemMetadata is { } metadata) Touch(key, same, metadata.ToJsonString());
            return new PlannedOutcome(op.Urn, op.Aspect, WriteEffect.Unchanged, same.Revision, null);
        }

        // A restore keeps the revision it had where it was exported, so version numbers match across stores.
        var revision = restoring ? op.Condition.Revision : (current.Latest?.Revision ?? current.MaxVersion) + 1;
        var json = op.Value.ToJsonString();
        Supersede(key, current.Latest);
        _versions.Add(new NewAspectVersion(op.Urn, op.EntityType, op.Aspect, revision, 0, json, op.ValueHash,
            op.SystemMetadata?.ToJsonString(), op.RestoredAt ?? _now, op.Actor));
        _aspects[key] = new Current(new Latest(revision, op.ValueHash, json, _versions.Count - 1),
            Math.Max(current.MaxVersion, current.Latest?.Revision ?? 0));
        var entity = EntityOf(op.Urn);
        _entities[op.Urn] = new EntityNow(entity.LatestAspects + (current.Latest is null ? 1 : 0), HasData: true);
        ReplaceEdges(key, op.Edges, op.RestoredAt ?? _now);
        Record(op.Urn, op.EntityType, op.Removed, op.RestoredAt);

        var change = Change(op, op.Aspect, ChangeKind.AspectUpserted, current.Latest?.Json, json, revision, op.SystemMetadata);
        return new PlannedOutcome(op.Urn, op.Aspect, current.Latest is null ? WriteEffect.Created : WriteEffect.Updated, revision, change);
    }

    /// <summary>
    /// Keeps the value; when it is at least as new as the latest it replaces the latest, whose value is already
    /// kept as a point, so nothing becomes history.
    /// </summary>
    private PlannedOutcome Record(RecordTimeseries op)
    {
        var key = new AspectKey(op.Urn, op.Aspect);
        var json = op.Value.ToJsonString();
        var metadata = op.SystemMetadata?.ToJsonString();
        var place = new PointKey(op.Urn, op.Aspect, op.TimestampMillis, op.Partition);
        var kept = _points.TryGetValue(place, out var pending) ? new StoredPoint(pending.Json, pending.SystemMetadataJson)
            : _wiped.Contains(op.Urn) ? null : _stored.Points?.GetValueOrDefault(place);
        var alreadyKept = kept is not null && kept.Json == json && kept.SystemMetadataJson == metadata;
        if (!alreadyKept)
        {
            _points[place] = new TimeseriesPoint(op.Urn, op.Aspect, op.TimestampMillis, op.Partition, json, metadata, op.RestoredAt ?? _now, op.Actor);
            Record(op.Urn, op.EntityType, null, op.RestoredAt);
        }

        var current = AspectNow(key);
        if (current.Latest is { } latest && TimestampOf(latest.Json) > op.TimestampMillis)
            return new PlannedOutcome(op.Urn, op.Aspect, alreadyKept ? WriteEffect.Unchanged : WriteEffect.Created, latest.Revision, null);
        if (current.Latest is { } same && same.Hash == op.ValueHash)
        {
            if (metadata is not null) Touch(key, same, metadata);
            return new PlannedOutcome(op.Urn, op.Aspect, WriteEffect.Unchanged, same.Revision, null);
        }

        // A timeseries latest is replaced, never kept as history, so a restored revision cannot meet an older one.
        var revision = op.RestoredRevision ?? (current.Latest?.Revision ?? current.MaxVersion) + 1;
        if (current.Latest?.NewIndex is { } replaced) _versions[replaced] = null;
        else if (current.Latest is not null) _dropped.Add(key);
        _versions.Add(new NewAspectVersion(op.Urn, op.EntityType, op.Aspect, revision, 0, json, op.ValueHash,
            op.SystemMetadata?.ToJsonString(), op.RestoredAt ?? _now, op.Actor));
        _aspects[key] = new Current(new Latest(revision, op.ValueHash, json, _versions.Count - 1), current.MaxVersion);
        var entity = EntityOf(op.Urn);
        _entities[op.Urn] = new EntityNow(entity.LatestAspects + (current.Latest is null ? 1 : 0), HasData: true);
        ReplaceEdges(key, op.Edges, op.RestoredAt ?? _now);

        var change = Change(op, op.Aspect, ChangeKind.AspectUpserted, current.Latest?.Json, json, revision, op.SystemMetadata);
        return new PlannedOutcome(op.Urn, op.Aspect, current.Latest is null ? WriteEffect.Created : WriteEffect.Updated, revision, change);
    }

    private static long TimestampOf(string json) =>
        System.Text.Json.Nodes.JsonNode.Parse(json)?["timestampMillis"]?.GetValue<long>() ?? long.MinValue;

    private PlannedOutcome DeleteAspect(DeleteAspect op, int index)
    {
        var key = new AspectKey(op.Urn, op.Aspect);
        var current = AspectNow(key);
        if (!Allowed(op.Urn, op.Aspect, op.Condition, current.Latest, index) || current.Latest is not { } latest
            || op.Condition.Kind == WriteConditionKind.Restore && latest.Revision != op.Condition.Revision)
            return new PlannedOutcome(op.Urn, op.Aspect, WriteEffect.Skipped, current.Latest?.Revision ?? 0, null);

        Supersede(key, latest);
        _deletions.Add(new DeletedVersion(op.Urn, op.Aspect, latest.Revision, op.RestoredAt ?? _now));
        _aspects[key] = new Current(null, Math.Max(current.MaxVersion, latest.Revision));
        var entity = EntityOf(op.Urn);
        _entities[op.Urn] = entity with { LatestAspects = entity.LatestAspects - 1 };
        ReplaceEdges(key, [], op.RestoredAt ?? _now);
        if (op.Removed is not null) Record(op.Urn, op.EntityType, op.Removed);

        var change = Change(op, op.Aspect, ChangeKind.AspectDeleted, latest.Json, null, latest.Revision, null);
        return new PlannedOutcome(op.Urn, op.Aspect, WriteEffect.Deleted, 0, change);
    }

    private PlannedOutcome DeleteEntity(DeleteEntity op)
    {
        if (!EntityOf(op.Urn).HasData) return new PlannedOutcome(op.Urn, null, WriteEffect.Skipped, 0, null);

        // Everything stored goes, and so does whatever this batch wrote for the entity before.
        if (_wiped.Add(op.Urn)) _wipedEntities.Add(op.Urn);
        _archived.RemoveAll(k => k.Urn == op.Urn);
        _dropped.RemoveAll(k => k.Urn == op.Urn);
        foreach (var point in _points.Keys.Where(k => k.Urn == op.Urn).ToList()) _points.Remove(point);
        _touches.RemoveAll(t => t.Urn == op.Urn);
        _deletions.RemoveAll(d => d.Urn == op.Urn);
        for (var i = 0; i < _versions.Count; i++)
            if (_versions[i]?.Urn == op.Urn) _versions[i] = null;
        foreach (var key in _edges.Keys.Where(k => k.Urn == op.Urn).ToList()) _edges.Remove(key);
        _history.Wiped(op.Urn);
        foreach (var key in _aspects.Keys.Where(k => k.Urn == op.Urn).ToList()) _aspects.Remove(key);
        _records.Remove(op.Urn);
        _entities[op.Urn] = new EntityNow(0, false);

        var change = Change(op, null, ChangeKind.EntityDeleted, null, null, 0, null);
        return new PlannedOutcome(op.Urn, null, WriteEffect.Deleted, 0, change);
    }

    /// <summary>Whether the operation goes ahead; throws for a failed CREATE, CREATE_ENTITY or If-Version-Match, false to skip.</summary>
    private bool Allowed(string urn, string aspect, WriteCondition condition, Latest? latest, int index)
    {
        switch (condition.Kind)
        {
            case WriteConditionKind.MustNotExist when latest is not null:
                throw new ConflictException("", $"aspect {aspect} already exists (CREATE does not overwrite)", preconditionFailed: false, index);
            case WriteConditionKind.EntityMustNotExist when EntityOf(urn).LatestAspects > 0:
                throw new ConflictException("", $"entity {urn} already exists (CREATE_ENTITY does not overwrite)", preconditionFailed: false, index);
            case WriteConditionKind.RevisionEquals when (latest?.Revision ?? 0) != condition.Revision:
                throw new ConflictException("",
                    $"aspect {aspect} is at version {latest?.Revision ?? 0}, the write expected {condition.Revision}", preconditionFailed: true, index);
            case WriteConditionKind.SkipIfExists when latest is not null:
                return false;
            default:
                return true;
        }
    }

    /// <summary>The latest becomes history at the version numbered by its revision, which is the next free one.</summary>
    private void Supersede(AspectKey key, Latest? latest)
    {
        if (latest is null) return;
        if (latest.NewIndex is { } i) _versions[i] = _versions[i]! with { Version = latest.Revision };
        else _archived.Add(key);
    }

    /// <summary>The aspect's edges after the batch, so far, and a statement of them at <paramref name="at"/> for the edge history.</summary>
    private void ReplaceEdges(AspectKey key, IReadOnlyList<Relationship> edges, long at)
    {
        _edges[key] = new EdgeReplacement(key.Urn, key.Aspect, edges, at);
        _history.Stated(key, edges, at);
    }

    private void Touch(AspectKey key, Latest latest, string metadata)
    {
        if (latest.NewIndex is { } i) _versions[i] = _versions[i]! with { SystemMetadataJson = metadata };
        else _touches.Add(new SystemMetadataTouch(key.Urn, key.Aspect, latest.Revision, metadata));
    }

    private void Record(string urn, string entityType, bool? removed, long? restoredAt = null)
    {
        var previous = _records.GetValueOrDefault(urn);
        _records[urn] = new EntityRecord(urn, entityType, removed ?? previous?.Removed, previous?.CreatedAt ?? restoredAt ?? _now);
    }

    private int Change(StoreOperation op, string? aspect, ChangeKind kind, string? previous, string? current, long revision,
        JsonObject? systemMetadata)
    {
        _changes.Add(new PendingChange(op.Urn, op.EntityType, aspect, kind, previous, current, revision, _now, systemMetadata?.ToJsonString(), op.Actor));
        return _changes.Count - 1;
    }

    private Current AspectNow(AspectKey key)
    {
        if (_aspects.TryGetValue(key, out var current)) return current;
        if (_wiped.Contains(key.Urn)) return new Current(null, 0);
        var stored = _stored.Aspects.GetValueOrDefault(key) ?? AspectState.Absent;
        return new Current(stored.Latest is { } l ? new Latest(l.Revision, l.Hash, l.Json, null) : null, stored.MaxVersion);
    }

    private EntityNow EntityOf(string urn)
    {
        if (_entities.TryGetValue(urn, out var now)) return now;
        var stored = _stored.Entities.GetValueOrDefault(urn) ?? EntityState.Absent;
        return new EntityNow(stored.LatestAspects, stored.HasData);
    }
}
