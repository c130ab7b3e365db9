using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Lineage.Graph.Tests.StoreContract;

/// <summary>An impact question by node index: <paramref name="MaxNodes"/> is the service's configured node limit.</summary>
internal sealed record ImpactQuestion(int Root, int MaxHops, IReadOnlyList<string> EntityTypes, int MaxNodes)
{
    public override string ToString() => $"impact of {Root} maxHops={MaxHops} entityTypes=[{string.Join(",", EntityTypes)}] MaxNodes={MaxNodes}";
}

/// <summary>A path question by node indices.</summary>
internal sealed record PathQuestion(int From, int To, int MaxHops)
{
    public override string ToString() => $"path from {From} to {To} maxHops={MaxHops}";
}

/// <summary>A random graph (<see cref="RandomGraphs"/>, its walks left out) and service questions over it.</summary>
internal sealed record ServiceCase<TQuestion>(GraphCase Graph, IReadOnlyList<TQuestion> Questions)
{
    public override string ToString()
    {
        var text = new StringBuilder(Graph.ToString());
        foreach (var question in Questions) text.AppendLine(question!.ToString());
        return text.ToString();
    }
}

/// <summary>FsCheck generators of the questions <c>LineageServicePropertyContract</c> asks of random graphs.</summary>
internal static class ServiceCases
{
    private static readonly string[] EntityTypes = ["dataset", "mlFeature", "mlModel", "dataJob"];

    private static Gen<GraphCase> Graphs => RandomGraphs.Cases().Generator.Select(g => g with { Questions = [] });

    /// <summary>Impact from a few roots; the node limit is mostly roomy, sometimes smaller than the graph.</summary>
    public static Arbitrary<ServiceCase<ImpactQuestion>> Impact() => (
        from graph in Graphs
        let n = graph.Nodes.Count
        from questions in Gen.ArrayOf(
            from root in Gen.Choose(0, n - 1)
            from maxHops in Gen.Choose(1, 6)
            from entityTypes in Gen.Frequency(
                (3, Gen.Constant<IReadOnlyList<string>>([])),
                (1, Gen.SubListOf(EntityTypes).Where(l => l.Count > 0).Select(l => (IReadOnlyList<string>)[.. l])))
            from maxNodes in Gen.Frequency((2, Gen.Constant(1000)), (1, Gen.Choose(1, n)))
            select new ImpactQuestion(root, maxHops, entityTypes, maxNodes), 3)
        select new ServiceCase<ImpactQuestion>(graph, questions)).ToArbitrary();

    /// <summary>Paths between random pairs, a tenth of them from a node to itself.</summary>
    public static Arbitrary<ServiceCase<PathQuestion>> Paths() => (
        from graph in Graphs
        let n = graph.Nodes.Count
        from questions in Gen.ArrayOf(
            from start in Gen.Choose(0, n - 1)
            from end in Gen.Frequency((1, Gen.Constant(start)), (9, Gen.Choose(0, n - 1)))
            from maxHops in Gen.Choose(1, 6)
            select new PathQuestion(start, end, maxHops), 6)
        select new ServiceCase<PathQuestion>(graph, questions)).ToArbitrary();
}
