namespace Lineage.Search.Tests.Support;

/// <summary>The Neo4j classes run one after another against the one test server.</summary>
[CollectionDefinition(Name)]
public sealed class Neo4jCollection
{
    public const string Name = "neo4j";
}
