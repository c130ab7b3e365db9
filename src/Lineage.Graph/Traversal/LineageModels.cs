namespace Lineage.Graph.Traversal;

/// <summary>A lineage question as the API asks it.</summary>
/// <param name="Direction">Upstream, downstream, or both when null.</param>
/// <param name="EntityTypes">Entity types to return (the walk still passes through others); empty returns all.</param>
/// <param name="Granularity">Entities or columns; null takes the root's (<see cref="LineageService.GranularityFor"/>).</param>
/// <param name="AsOf">The time whose graph to answer from (<see cref="LineageReadAsOf"/>); null for the present.</param>
public sealed record LineageRequest(
    string Urn,
    LineageDirection? Direction,
    int MaxHops,
    IReadOnlyList<string> Relationships,
    IReadOnlyList<string> EntityTypes,
    bool IncludeRemoved,
    int Limit,
    LineageGranularity? Granularity = null,
    LineageTime? AsOf = null);

/// <summary>An entity in a lineage answer: what a person needs to recognise it.</summary>
public sealed record LineageNode(
    string Urn, string EntityType, string? Name, string? Platform, int Degree, bool Removed, bool Deprecated, bool Exists);

/// <summary>The answer to a lineage question: the root, the nodes reached (each once) and the lineage edges among them.</summary>
public sealed record LineageGraph(LineageNode Root, IReadOnlyList<LineageNode> Nodes, IReadOnlyList<LineageEdge> Edges, bool Truncated);

/// <summary>A chain of entities from one to another and the relationship of each hop (Relationships[i] joins Urns[i] and Urns[i+1]).</summary>
public sealed record LineagePath(IReadOnlyList<string> Urns, IReadOnlyList<string> Relationships)
{
    public int Hops => Relationships.Count;
}

/// <summary>The shortest lineage path between two entities, and whether <c>to</c> is downstream or upstream of <c>from</c>.</summary>
public sealed record PathAnswer(string From, string To, LineageDirection Direction, LineagePath Path);

/// <summary>One entity that a change to the root would affect, and why.</summary>
public sealed record AffectedEntity(LineageNode Entity, LineagePath Path);

/// <summary>An owner to tell, with the affected entities they own.</summary>
public sealed record AffectedOwner(string Owner, IReadOnlyList<string> Entities);

/// <summary>Which part of an impact answer's affected list to return: <paramref name="Count"/> entities from position <paramref name="Start"/>.</summary>
public sealed record ImpactPage(int Start, int Count);

/// <summary>
/// "What breaks if I change this": everything downstream of the root, counted, explained and with its owners. The
/// affected list holds <paramref name="Count"/> of the <paramref name="Total"/> from <paramref name="Start"/>; the
/// counts, flags and owners cover all of them.
/// </summary>
public sealed record ImpactReport(
    LineageNode Root,
    int Total,
    int Start,
    int Count,
    IReadOnlyDictionary<string, int> CountsByType,
    int Deprecated,
    int Removed,
    IReadOnlyList<AffectedEntity> Affected,
    IReadOnlyList<AffectedOwner> Owners,
    bool Truncated);

/// <summary>
/// When a lineage answer looks at the graph, from its history: the lineage edges current at some moment from
/// <paramref name="From"/> to <paramref name="To"/> (one moment when they are equal, <see cref="At"/>), and each node
/// as it stood at <paramref name="To"/>.
/// </summary>
public sealed record LineageTime(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The graph as it stood at one moment.</summary>
    public static LineageTime At(DateTimeOffset moment) => new(moment, moment);
}
