namespace Lineage.Graph.Traversal;

/// <summary>
/// One hop of a lineage walk that its caller steers (the path search walks both directions a level at a time): the
/// nodes one hop beyond <see cref="Frontier"/> in <see cref="Direction"/>, leaving out <see cref="Seen"/>.
/// </summary>
/// <param name="RelationshipTypes">Relationship names to follow; empty follows every lineage relationship.</param>
/// <param name="IncludeRemoved">Whether to step into soft-deleted entities.</param>
/// <param name="Seen">Nodes already reached, left out of the answer.</param>
/// <param name="Limit">How many nodes to return at most, the smallest urns first.</param>
public sealed record LineageStep(
    IReadOnlyCollection<string> Frontier,
    LineageDirection Direction,
    IReadOnlyList<string> RelationshipTypes,
    bool IncludeRemoved,
    IReadOnlyCollection<string> Seen,
    int Limit);
