namespace Lineage.Api.Tests.Support;

/// <summary>One cached web host for the test classes that share it; each test mints its own URNs.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<LineageApiFactory>
{
    public const string Name = "api";
}
