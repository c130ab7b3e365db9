using Lineage.Graph.Urns;

namespace Lineage.Graph.Registry;

/// <summary>One entity type: its key (from the URN) and the aspects it accepts.</summary>
public sealed record EntitySpec(EntityKeySpec Key, IReadOnlyList<string> AspectNames)
{
    /// <summary>The entity type name as it appears in URNs, e.g. <c>mlModelGroup</c>.</summary>
    public string EntityType => Key.EntityType;

    /// <summary>The DataHub snapshot class used by the legacy <c>/entities</c> format.</summary>
    public string? SnapshotClass { get; init; }
}
