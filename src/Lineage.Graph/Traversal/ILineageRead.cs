namespace Lineage.Graph.Traversal;

/// <summary>
/// What a lineage walk (<see cref="LineageWalk"/>) asks of a store for one answer: one level's neighbours, what it
/// says of each node, and the edges among the nodes it keeps. The embedded store answers every call of one read from
/// one state of the graph (its read transaction's, or its in-memory copy while that holds the same state); Neo4j reads
/// committed data statement by statement.
/// </summary>
public interface ILineageRead : IAsyncDisposable
{
    /// <summary>
    /// One level of a walk: the lineage edges leading one hop from the frontier, or from the frontier's columns too,
    /// in the query's direction; one statement, never the whole graph.
    /// </summary>
    Task<IReadOnlyList<LineageEdge>> GetHopsAsync(LineageHopQuery query, CancellationToken ct);

    /// <summary>
    /// Whether each urn is soft-deleted, ever ingested and deprecated, with its owners when <paramref name="withOwners"/>;
    /// urns the store has never seen are left out.
    /// </summary>
    Task<IReadOnlyDictionary<string, NodeFacts>> GetNodeFactsAsync(IReadOnlyCollection<string> urns, bool withOwners, CancellationToken ct);

    /// <summary>
    /// The lineage edges (of the given relationship types, all when empty) between two of the urns, each with its
    /// column mapping; with <paramref name="withColumns"/> an end may also be a column of one of them.
    /// </summary>
    Task<IReadOnlyList<LineageEdge>> GetEdgesAmongAsync(
        IReadOnlyCollection<string> urns, IReadOnlyList<string> types, bool withColumns, CancellationToken ct);
}
