using System.Text.Json.Nodes;

namespace Lineage.Graph.Changes;

/// <summary>
/// One entry of the change feed: consumers such as the search index read "every change after N" in
/// <see cref="Sequence"/> order, which is strictly increasing and assigned in commit order.
/// </summary>
/// <param name="SystemMetadata">The system metadata the write carried, or null.</param>
/// <param name="Actor">Who made the change; null for changes recorded before the feed kept it.</param>
public sealed record ChangeRecord(
    long Sequence,
    string Urn,
    string EntityType,
    string? Aspect,
    ChangeKind Kind,
    JsonObject? Previous,
    JsonObject? Current,
    long Revision,
    DateTimeOffset At,
    JsonObject? SystemMetadata = null,
    string? Actor = null);

/// <summary>What a change did.</summary>
public enum ChangeKind
{
    /// <summary>An aspect was created or given a new value.</summary>
    AspectUpserted,

    /// <summary>An aspect was removed.</summary>
    AspectDeleted,

    /// <summary>The entity and all its aspects were hard-deleted.</summary>
    EntityDeleted,
}
