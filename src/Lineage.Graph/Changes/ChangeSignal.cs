namespace Lineage.Graph.Changes;

/// <summary>
/// Tells in-process consumers of the change feed (the search index) that new changes were committed, so they
/// catch up at once instead of waiting for their next poll. Losing a signal only delays them: they also poll.
/// </summary>
public sealed class ChangeSignal : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        try
        {
            if (_pending.CurrentCount == 0) _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one pending signal is enough.
        }
    }

    /// <summary>Waits for a signal or the time-out, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _pending.WaitAsync(timeout, ct);

    public void Dispose() => _pending.Dispose();
}
