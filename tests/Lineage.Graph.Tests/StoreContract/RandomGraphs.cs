using FsCheck;
using FsCheck.Fluent;
using Lineage.Graph.Registry;
using Lineage.Graph.Traversal;

namespace Lineage.Graph.Tests.StoreContract;

/// <summary>FsCheck generators of <see cref="GraphCase"/>.</summary>
internal static class RandomGraphs
{
    /// <summary>The relationships the graphs use; UsedBy is only ever asked for, so some filters match nothing.</summary>
    private static readonly string[] Types = ["Consumes", "DerivedFrom", "MemberOf", "Produces"];

    private static readonly string[] EntityTypes = ["dataset", "mlFeature", "mlModel", "dataJob"];

    private static readonly Gen<NodeKind> Kind = Gen.Frequency(
        (6, Gen.Constant(NodeKind.Ingested)), (2, Gen.Constant(NodeKind.Removed)), (2, Gen.Constant(NodeKind.Ghost)));

    private static readonly Gen<LineageRole> Role = Gen.Frequency(
        (1, Gen.Constant(LineageRole.None)), (3, Gen.Constant(LineageRole.TargetIsUpstream)), (3, Gen.Constant(LineageRole.TargetIsDownstream)));

    private static readonly Gen<IReadOnlyList<string>> TypeFilter = Gen.Frequency(
        (3, Gen.Constant<IReadOnlyList<string>>([])),
        (2, Gen.SubListOf([.. Types, "UsedBy"]).Where(l => l.Count > 0).Select(l => (IReadOnlyList<string>)[.. l])));

    public static Arbitrary<GraphCase> Cases() => Case.ToArbitrary();

    private static Gen<GraphCase> Case =>
        from n in Gen.Choose(2, 25)
        from names in Gen.Shuffle(Enumerable.Range(0, n).Select(i => $"n{i:00}").ToArray())
        from types in Gen.ArrayOf(Gen.Elements(EntityTypes), n)
        from kinds in Gen.ArrayOf(Kind, n)
        let nodes = Enumerable.Range(0, n).Select(i => new GraphNode(types[i], names[i], kinds[i])).ToList()
        let holders = Enumerable.Range(0, n).Where(i => kinds[i] != NodeKind.Ghost).ToArray()
        from edgeCount in Gen.Frequency((1, Gen.Choose(0, n)), (4, Gen.Choose(2 * n, 4 * n)))
        from edges in holders.Length == 0 ? Gen.Constant(new GraphEdge[0]) : Gen.ArrayOf(Edge(n, holders), edgeCount)
        from questions in Gen.ArrayOf(Question(n), 3)
        select new GraphCase(
            nodes,
            // One role per (source, type, target): a store keeps one edge per (source, aspect, type, target).
            [.. edges.DistinctBy(e => (e.Source, e.Type, e.Target))],
            questions);

    private static Gen<GraphEdge> Edge(int n, int[] holders) =>
        from source in Gen.Elements(holders)
        from target in Gen.Frequency((1, Gen.Constant(source)), (7, Gen.Choose(0, n - 1)))
        from type in Gen.Elements(Types)
        from role in Role
        from aspects in Gen.Frequency((4, Gen.Constant(1)), (4, Gen.Constant(2)), (1, Gen.Constant(3)))
        select new GraphEdge(source, type, target, role, aspects);

    private static Gen<WalkQuestion> Question(int n) =>
        from root in Gen.Choose(0, n - 1)
        from direction in Gen.Elements(LineageDirection.Upstream, LineageDirection.Downstream)
        from maxHops in Gen.Choose(1, 6)
        from types in TypeFilter
        from includeRemoved in Gen.Elements(false, true)
        from maxNodes in Gen.Frequency((4, Gen.Constant(1000)), (1, Gen.Choose(1, n)))
        select new WalkQuestion(root, direction, maxHops, types, includeRemoved, maxNodes);
}
