namespace Lineage.Graph.Traversal;

/// <summary>Limits of lineage, impact and path queries (configuration section <c>Lineage:Traversal</c>).</summary>
public sealed class TraversalOptions
{
    public const string Section = "Lineage:Traversal";

    /// <summary>The most hops a query may ask for; <c>maxHops</c> outside 1..this is a 400.</summary>
    public int MaxHops { get; set; } = 10;

    /// <summary>Hops of a lineage query that does not say (impact and path default to <see cref="MaxHops"/>).</summary>
    public int DefaultLineageHops { get; set; } = 3;

    /// <summary>The most nodes one answer carries; past it the answer says <c>truncated</c>.</summary>
    public int MaxNodes { get; set; } = 10_000;

    /// <summary>
    /// Nodes of a lineage answer that does not say <c>limit</c> (at most <see cref="MaxNodes"/>). A graph of
    /// a thousand nodes is more than a person reads; a hub's whole three hops is megabytes, so it is asked for.
    /// </summary>
    public int DefaultLineageLimit { get; set; } = 1_000;

    /// <summary>
    /// Affected entities an impact answer lists when it does not say <c>count</c> (at most <see cref="MaxNodes"/>); its
    /// totals, counts and owners cover all of them either way. A hub's whole impact is thousands of entities and
    /// megabytes, more than a person reads at once.
    /// </summary>
    public int DefaultImpactCount { get; set; } = 100;

    /// <summary>
    /// How long one lineage, impact or path answer may spend in the store — the walk and the reads that dress it,
    /// under one deadline — before it is abandoned with a 504.
    /// </summary>
    public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
