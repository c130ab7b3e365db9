namespace Lineage.Graph.Traversal;

/// <summary>
/// One direction of a lineage walk: breadth-first from <see cref="Root"/> along lineage edges (their direction
/// taken from each edge's lineage role), at most <see cref="MaxHops"/> hops.
/// </summary>
/// <param name="RelationshipTypes">Relationship names to follow; empty follows every lineage relationship.</param>
/// <param name="IncludeRemoved">Whether to walk into soft-deleted entities (the root is always there).</param>
/// <param name="MaxNodes">How many nodes to return at most, nearest first (then by urn); more sets Truncated.</param>
/// <param name="Granularity">Entities (columns rolled up) or columns.</param>
/// <param name="WithOwners">Whether to read each node's owners with its facts (impact tells them).</param>
/// <param name="WithEdges">Whether to read the lineage edges among the nodes reached (impact lists paths, not edges).</param>
public sealed record TraversalQuery(
    string Root,
    LineageDirection Direction,
    int MaxHops,
    IReadOnlyList<string> RelationshipTypes,
    bool IncludeRemoved,
    int MaxNodes,
    LineageGranularity Granularity = LineageGranularity.Entity,
    bool WithOwners = false,
    bool WithEdges = true);

/// <summary>
/// What a store answers for one level of a walk: the lineage edges that lead one hop from a frontier node — or, with
/// <see cref="WithColumns"/>, from one of its columns — in <see cref="Direction"/>, whose far end is not soft-deleted
/// unless <see cref="IncludeRemoved"/>.
/// </summary>
/// <param name="RelationshipTypes">Relationship names to follow; empty follows every lineage relationship.</param>
public sealed record LineageHopQuery(
    IReadOnlyCollection<string> Frontier,
    LineageDirection Direction,
    IReadOnlyList<string> RelationshipTypes,
    bool IncludeRemoved,
    bool WithColumns);

/// <summary>Which way a lineage walk goes from its root.</summary>
public enum LineageDirection
{
    /// <summary>Towards what the root came from.</summary>
    Upstream,

    /// <summary>Towards what the root feeds (impact).</summary>
    Downstream,
}
