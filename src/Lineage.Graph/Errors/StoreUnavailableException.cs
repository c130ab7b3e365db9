namespace Lineage.Graph.Errors;

/// <summary>The store could not be reached or gave up; the caller may retry when <see cref="IsRetriable"/>.</summary>
public sealed class StoreUnavailableException(string message, bool isRetriable, Exception? inner = null)
    : LineageException(message, inner)
{
    /// <summary>Whether trying the same request again later may succeed.</summary>
    public bool IsRetriable { get; } = isRetriable;
}
