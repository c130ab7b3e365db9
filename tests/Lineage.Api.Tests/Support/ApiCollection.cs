namespace Lineage.Api.Tests.Support;

/// <summary>One cached web host on the embedded store for the classes that share it; each test mints its own URNs.</summary>
[CollectionDefinition(Name)]
public sealed class SqliteApiCollection : ICollectionFixture<SqliteApiFactory>
{
    public const string Name = "api-sqlite";
}

/// <summary>One cached web host on the Neo4j test server; these classes run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class Neo4jApiCollection : ICollectionFixture<Neo4jApiFactory>
{
    public const string Name = "api-neo4j";
}
