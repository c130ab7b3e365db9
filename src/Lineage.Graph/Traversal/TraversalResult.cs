using System.Text.Json.Serialization;
using Lineage.Graph.Relationships;

namespace Lineage.Graph.Traversal;

/// <summary>What a walk reached: the root at degree 0, then every node by fewest hops, and the lineage edges among them.</summary>
public sealed record TraversalResult(IReadOnlyList<ReachedNode> Nodes, IReadOnlyList<LineageEdge> Edges, bool Truncated)
{
    /// <summary>What the store knows of each reached node it has seen (deprecation and owners dress the answer).</summary>
    public IReadOnlyDictionary<string, NodeFacts> Facts { get; init; } = new Dictionary<string, NodeFacts>();
}

/// <summary>
/// A node reached at <see cref="Degree"/> hops. <see cref="Parent"/> is the node one hop nearer the root through
/// which it was reached — the smallest such urn, then the smallest relationship name, so every store picks the same.
/// </summary>
/// <param name="Exists">False for a urn only referenced by edges, never ingested.</param>
public sealed record ReachedNode(string Urn, int Degree, string? Parent, string? ParentRelationship, bool Removed, bool Exists);

/// <summary>What a store knows of a node a walk reached.</summary>
/// <param name="Exists">False for a urn only referenced by edges, never ingested.</param>
/// <param name="Deprecated">Its latest <c>deprecation</c> aspect says <c>deprecated: true</c>.</param>
/// <param name="Owners">The owner urns of its latest <c>ownership</c> aspect, when asked for; else empty.</param>
public sealed record NodeFacts(bool Removed, bool Exists, bool Deprecated, IReadOnlyList<string> Owners)
{
    /// <summary>What is known of a urn the store has never seen.</summary>
    public static readonly NodeFacts Unknown = new(false, false, false, []);
}

/// <summary>A lineage edge as stored (source holds the field) with the end that is upstream.</summary>
public sealed record LineageEdge(string Source, string Target, string Relationship, string Upstream)
{
    /// <summary>The end that is downstream.</summary>
    public string Downstream => Upstream == Source ? Target : Source;

    /// <summary>How the downstream column is made from the upstream one, on a column-to-column edge; else null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ColumnMapping? Mapping { get; init; }
}
