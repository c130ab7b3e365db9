using System.Text;
using Lineage.Graph.Registry;
using Lineage.Graph.Storage;
using Lineage.Graph.Traversal;

namespace Lineage.Graph.Tests.StoreContract;

/// <summary>What a generated node is: written, written and soft-deleted, or only named by edges.</summary>
internal enum NodeKind { Ingested, Removed, Ghost }

/// <summary>A generated node: its entity type, a name unique in its graph, and what it is.</summary>
internal sealed record GraphNode(string EntityType, string Name, NodeKind Kind);

/// <summary>A generated edge between node indices; <paramref name="Aspects"/> says which of the two aspects hold it (1, 2 or both = 3).</summary>
internal sealed record GraphEdge(int Source, string Type, int Target, LineageRole Role, int Aspects);

/// <summary>A generated walk over a graph, the root given by node index.</summary>
internal sealed record WalkQuestion(int Root, LineageDirection Direction, int MaxHops, IReadOnlyList<string> Types, bool IncludeRemoved, int MaxNodes);

/// <summary>
/// A random lineage graph (cycles, self-loops, both lineage roles and non-lineage edges, soft-deleted nodes, targets
/// never ingested) and a few walks over it. Urns are made per run, so each graph is written under fresh urns.
/// </summary>
internal sealed record GraphCase(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges, IReadOnlyList<WalkQuestion> Questions)
{
    public static readonly string[] AspectNames = ["mlModelProperties", "upstreamLineage"];

    /// <summary>The urn of every node, under a prefix unique to this run.</summary>
    public string[] Urns(string run) => [.. Nodes.Select(n => n.EntityType switch
    {
        "mlFeature" => $"urn:li:mlFeature:({run}-{n.Name},f)",
        "mlModel" => $"urn:li:mlModel:(urn:li:dataPlatform:mlflow,{run}-{n.Name},PROD)",
        "dataJob" => $"urn:li:dataJob:(urn:li:dataFlow:(airflow,{run},PROD),{n.Name})",
        _ => $"urn:li:dataset:(urn:li:dataPlatform:hive,{run}-{n.Name},PROD)",
    })];

    /// <summary>The whole graph as one batch: each written node's aspects with their edges, then the soft-deletes.</summary>
    public IReadOnlyList<StoreOperation> Operations(string[] urns)
    {
        var operations = new List<StoreOperation>();
        for (var i = 0; i < Nodes.Count; i++)
        {
            if (Nodes[i].Kind == NodeKind.Ghost) continue;
            for (var a = 0; a < AspectNames.Length; a++)
            {
                var bit = 1 << a;
                var edges = Edges.Where(e => e.Source == i && (e.Aspects & bit) != 0).Select(e => (e.Type, urns[e.Target], e.Role)).ToArray();
                if (a == 0 || edges.Length > 0) operations.Add(Ops.UpsertLineage(urns[i], AspectNames[a], "{}", edges));
            }
            if (Nodes[i].Kind == NodeKind.Removed) operations.Add(Ops.Status(urns[i], removed: true));
        }
        return operations;
    }

    /// <summary>The graph as the reference walk reads it.</summary>
    public ReferenceGraph Reference(string[] urns) => new(
        [.. Edges.Select(e => new ReferenceEdge(urns[e.Source], e.Type, urns[e.Target], e.Role))],
        UrnsOf(urns, kind => kind == NodeKind.Removed),
        UrnsOf(urns, kind => kind != NodeKind.Ghost));

    private HashSet<string> UrnsOf(string[] urns, Func<NodeKind, bool> kind) =>
        new(Enumerable.Range(0, Nodes.Count).Where(i => kind(Nodes[i].Kind)).Select(i => urns[i]), StringComparer.Ordinal);

    public TraversalQuery Query(string[] urns, WalkQuestion q) =>
        new(urns[q.Root], q.Direction, q.MaxHops, q.Types, q.IncludeRemoved, q.MaxNodes);

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine($"{Nodes.Count} nodes:");
        for (var i = 0; i < Nodes.Count; i++) text.AppendLine($"  {i}: {Nodes[i].EntityType} {Nodes[i].Name} {Nodes[i].Kind}");
        text.AppendLine($"{Edges.Count} edges:");
        foreach (var e in Edges) text.AppendLine($"  {e.Source} -{e.Type}/{(int)e.Role}-> {e.Target} (aspects {e.Aspects})");
        foreach (var q in Questions)
            text.AppendLine($"walk from {q.Root} {q.Direction} maxHops={q.MaxHops} types=[{string.Join(",", q.Types)}] includeRemoved={q.IncludeRemoved} maxNodes={q.MaxNodes}");
        return text.ToString();
    }
}
