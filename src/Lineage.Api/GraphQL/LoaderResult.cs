using GraphQL.DataLoader;

namespace Lineage.Api.GraphQL;

/// <summary>
/// A value the executor collects after it has run every other resolver of the level, which is what lets
/// <see cref="EntityLoader"/> read all the entities a level asks for in one batch.
/// </summary>
internal sealed class LoaderResult<T>(Func<CancellationToken, Task<T>> fetch) : IDataLoaderResult<T>
{
    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => fetch(cancellationToken);

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await fetch(cancellationToken);

    /// <summary>The value mapped once it is there.</summary>
    public LoaderResult<TOut> Then<TOut>(Func<T, TOut> map) => new(async ct => map(await fetch(ct)));
}
