using Lineage.Graph.Traversal;

namespace Lineage.Bench;

/// <summary>
/// A lineage or impact row of the size table: the walk it asks the service for (roots, direction, hops, node cap), so
/// that its plain-CTE floor (<see cref="CteFloor"/>) and raw-Cypher baseline (<see cref="RawCypher"/>) walk the same
/// edges from the same roots and stop at the same node count.
/// </summary>
/// <param name="Limit">The most nodes an answer holds, root included: the lineage limit, or the node cap for impact.</param>
/// <param name="Impact">An impact row (<c>/api/v1/impact</c>): downstream, through soft-deleted nodes, up to the node cap.</param>
/// <param name="Listed">How many affected entities an impact answer lists; null for the API's default page.</param>
internal sealed record WalkRow(
    string Name, IReadOnlyList<string> Roots, LineageDirection Direction, int Hops, int Limit, bool Impact, int Rounds, int? Listed = null)
{
    /// <summary>The service's default lineage limit (Lineage:Traversal:DefaultLineageLimit) and its node cap (MaxNodes).</summary>
    public const int DefaultLimit = 1_000, FullLimit = 10_000;

    /// <summary>Impact's hops when the request names none.</summary>
    private const int ImpactDefaultHops = 10;

    /// <summary>The names of a row's companions: its floor and, on Neo4j, its baseline.</summary>
    public const string FloorPrefix = "floor: plain CTE ", CypherPrefix = "baseline: raw Cypher ";

    public string FloorName => FloorPrefix + Name;

    public string BaselineName => CypherPrefix + Name;

    /// <summary>Lineage leaves soft-deleted nodes out; impact walks through them, as a soft-deleted consumer still breaks.</summary>
    public bool IncludeRemoved => Impact;

    /// <summary>The rows in the order the table lists them, each with the rounds it has always been timed with.</summary>
    public static IReadOnlyList<WalkRow> Of(Estate estate)
    {
        var rows = new List<WalkRow>();
        foreach (var hops in new[] { 1, 3, 5 })
        {
            rows.Add(Lineage($"lineage {hops} hops, hub, downstream", estate.HubRoots, LineageDirection.Downstream, hops, DefaultLimit, 10));
            rows.Add(Lineage($"lineage {hops} hops, leaf, downstream", estate.LeafRoots, LineageDirection.Downstream, hops, DefaultLimit, 5));
            rows.Add(Lineage($"lineage {hops} hops, model, upstream", estate.ModelRoots, LineageDirection.Upstream, hops, DefaultLimit, 5));
        }
        // The default limit is 1,000 nodes; this is what a client that asks for the whole node cap waits for.
        rows.Add(Lineage($"lineage 3 hops, hub, downstream, limit {FullLimit:N0}", estate.HubRoots, LineageDirection.Downstream, 3, FullLimit, 5));
        rows.Add(ImpactRow("impact 3 hops, hub", estate.HubRoots, 3, 5));
        // The default page is 100 affected entities; this is what a client that lists them all (the explorer) waits for.
        rows.Add(ImpactRow($"impact 3 hops, hub, count {FullLimit:N0}", estate.HubRoots, 3, 5) with { Listed = FullLimit });
        rows.Add(ImpactRow("impact 3 hops, leaf", estate.LeafRoots, 3, 5));
        rows.Add(ImpactRow("impact 10 hops, hub", estate.HubRoots, ImpactDefaultHops, 3));
        rows.Add(ImpactRow("impact 10 hops, leaf", estate.LeafRoots, ImpactDefaultHops, 5));
        return rows;
    }

    /// <summary>The service's request for one root (the lineage limit named only when it is not the default).</summary>
    public string PathFor(string root)
    {
        var urn = Uri.EscapeDataString(root);
        if (Impact)
            return (Hops == ImpactDefaultHops ? $"/api/v1/impact?urn={urn}" : $"/api/v1/impact?maxHops={Hops}&urn={urn}")
                + (Listed is { } count ? $"&count={count}" : "");
        var direction = Direction == LineageDirection.Upstream ? "upstream" : "downstream";
        return $"/api/v1/lineage?direction={direction}&maxHops={Hops}&urn={urn}" + (Limit == DefaultLimit ? "" : $"&limit={Limit}");
    }

    private static WalkRow Lineage(string name, IReadOnlyList<string> roots, LineageDirection direction, int hops, int limit, int rounds) =>
        new(name, roots, direction, hops, limit, Impact: false, rounds);

    private static WalkRow ImpactRow(string name, IReadOnlyList<string> roots, int hops, int rounds) =>
        new(name, roots, LineageDirection.Downstream, hops, FullLimit, Impact: true, rounds);
}
