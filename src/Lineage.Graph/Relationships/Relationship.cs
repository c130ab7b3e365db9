namespace Lineage.Graph.Relationships;

/// <summary>
/// A directed edge derived from an aspect field: <paramref name="Source"/> holds the field, <paramref name="Target"/> is its value.
/// </summary>
/// <param name="Aspect">The aspect of the source that produced the edge; rewriting that aspect replaces exactly these edges.</param>
/// <param name="Lineage">Whether the edge is lineage, and which end is upstream.</param>
public sealed record Relationship(string Source, string Type, string Target, string Aspect, Registry.LineageRole Lineage);
