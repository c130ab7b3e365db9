using Lineage.Graph.Storage;

namespace Lineage.Graph.Tests.StoreContract;

/// <summary>
/// One store under test, shared by the tests of one contract class. Tests mint their own URNs, so they never
/// depend on what other tests wrote and the store is not reset between them.
/// </summary>
public abstract class StoreFixture : IAsyncLifetime
{
    /// <summary>The store the contract tests write to and read from, initialised.</summary>
    public abstract IGraphStore Store { get; }

    /// <summary>
    /// A second, freshly initialised store instance over the same data (as after a restart), telling time by
    /// <paramref name="clock"/> (the system's when null); the fixture disposes it with itself.
    /// </summary>
    public abstract Task<IGraphStore> OpenAnotherAsync(TimeProvider? clock = null);

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();
}
