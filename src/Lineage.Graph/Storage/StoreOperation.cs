using System.Text.Json.Nodes;
using Lineage.Graph.Relationships;

namespace Lineage.Graph.Storage;

/// <summary>One change in an atomic batch handed to the store by the write path, and who makes it.</summary>
public abstract record StoreOperation(string Urn, string EntityType, string Actor)
{
    /// <summary>
    /// When the version or value was first written (Unix ms), for an import restoring it from an export; null means now.
    /// </summary>
    public long? RestoredAt { get; init; }
}

/// <summary>
/// Store <paramref name="Value"/> as the latest version of an aspect and replace the edges this aspect of this
/// entity produced with <paramref name="Edges"/>. A value whose <paramref name="ValueHash"/> equals the stored one adds no version.
/// </summary>
/// <param name="Removed">For the status aspect: the entity's soft-delete flag to record; null for other aspects.</param>
public sealed record UpsertAspect(
    string Urn,
    string EntityType,
    string Aspect,
    JsonObject Value,
    string ValueHash,
    JsonObject? SystemMetadata,
    IReadOnlyList<Relationship> Edges,
    WriteCondition Condition,
    bool? Removed,
    string Actor) : StoreOperation(Urn, EntityType, Actor);

/// <summary>
/// Keep one value of a timeseries aspect under its <paramref name="TimestampMillis"/> and <paramref name="Partition"/>
/// (a value at the same time and partition is replaced). When it is the newest value it also becomes the aspect's
/// latest, replacing the previous latest without keeping it as history.
/// </summary>
/// <param name="Partition">partitionSpec.partition of the value, or empty.</param>
public sealed record RecordTimeseries(
    string Urn,
    string EntityType,
    string Aspect,
    long TimestampMillis,
    string Partition,
    JsonObject Value,
    string ValueHash,
    JsonObject? SystemMetadata,
    IReadOnlyList<Relationship> Edges,
    string Actor) : StoreOperation(Urn, EntityType, Actor)
{
    /// <summary>For an import: the revision the value had as the aspect's latest where it was exported, else null.</summary>
    public long? RestoredRevision { get; init; }
}

/// <summary>Remove an aspect: its latest value joins the history and its edges go.</summary>
/// <param name="Removed">For the status aspect: false, as an entity without status is not soft-deleted; else null.</param>
public sealed record DeleteAspect(string Urn, string EntityType, string Aspect, WriteCondition Condition, bool? Removed, string Actor)
    : StoreOperation(Urn, EntityType, Actor);

/// <summary>Hard-delete an entity: its aspects, their history and its outgoing edges; edges pointing at it stay.</summary>
public sealed record DeleteEntity(string Urn, string EntityType, string Actor) : StoreOperation(Urn, EntityType, Actor);
