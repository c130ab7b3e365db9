using System.Text.Json.Serialization;

namespace Lineage.Graph.Relationships;

/// <summary>
/// A directed edge derived from an aspect: <paramref name="Source"/> holds the field, <paramref name="Target"/> is its
/// value — or, for a column edge, the downstream column and the column it is derived from.
/// </summary>
/// <param name="Aspect">The aspect of <see cref="Owner"/> that produced the edge; rewriting it replaces exactly these edges.</param>
/// <param name="Lineage">Whether the edge is lineage, and which end is upstream.</param>
public sealed record Relationship(string Source, string Type, string Target, string Aspect, Registry.LineageRole Lineage)
{
    /// <summary>
    /// The entity whose aspect produced the edge (DataHub's lifecycle owner): the source, except for a column edge,
    /// which the dataset or job holding the fine-grained lineage owns.
    /// </summary>
    public string Owner { get; init; } = Source;

    /// <summary>Whether another entity's aspect owns this edge (a column edge).</summary>
    public bool IsOwnedElsewhere => !string.Equals(Owner, Source, StringComparison.Ordinal);

    /// <summary>What a column edge says of how the column was made; null on every other edge.</summary>
    public ColumnMapping? Mapping { get; init; }
}

/// <summary>
/// How a downstream column comes from an upstream one, as a fine-grained lineage entry says: through which job or
/// query (DataHub's <c>via</c>), by what transformation, and how sure the source is.
/// </summary>
public sealed record ColumnMapping(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Via,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TransformOperation,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? ConfidenceScore);
