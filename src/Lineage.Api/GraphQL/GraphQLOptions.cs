namespace Lineage.Api.GraphQL;

/// <summary>Limits of <c>/api/graphql</c> (configuration section <c>Lineage:GraphQL</c>); a query over them is refused before it runs.</summary>
internal sealed class GraphQLOptions
{
    public const string Section = "Lineage:GraphQL";

    /// <summary>How deeply selections may nest (<c>{ a { b } }</c> is 2).</summary>
    public int MaxDepth { get; set; } = 20;

    /// <summary>
    /// The most a query may cost: 1 per field, a list field's selection counted 5 times (graphql-dotnet's analysis),
    /// so each nested list multiplies: a searchAcrossLineage asking for paths of entities costs about 20 000.
    /// </summary>
    public int MaxComplexity { get; set; } = 100_000;

    /// <summary>The largest <c>count</c> a search, lineage search or relationships page may ask for.</summary>
    public int MaxCount { get; set; } = 1000;
}
