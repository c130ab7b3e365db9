namespace Lineage.Graph.Changes;

/// <summary>
/// Tells in-process consumers of the change feed (the search index) that new changes were committed, so they
/// catch up at once instead of waiting for their next poll, and holds a write's acknowledgement until the consumer
/// that must reflect it has (read-your-writes). Losing a signal only delays consumers: they also poll.
/// </summary>
public sealed class ChangeSignal : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Func<long?, CancellationToken, Task<long>>? _acknowledge;

    /// <summary>
    /// Completes at the next commit of this process, for any number of waiters (the change streams). Commits of other
    /// instances on the same Neo4j do not complete it, so waiters poll as well.
    /// </summary>
    public Task NextCommit => Volatile.Read(ref _next).Task;

    public void Notify()
    {
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        try
        {
            if (_pending.CurrentCount == 0) _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one pending signal is enough.
        }
    }

    /// <summary>Waits for a signal or the time-out, whichever comes first; true when signalled.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _pending.WaitAsync(timeout, ct);

    /// <summary>
    /// Makes every write wait for <paramref name="acknowledge"/> before it is acknowledged. It is given the sequence
    /// of the write's last change (null when the write changed nothing) and answers the sequence a reader must reach
    /// to see the write. Set once, at start-up, by the host that serves reads.
    /// </summary>
    public void AcknowledgeThrough(Func<long?, CancellationToken, Task<long>> acknowledge) =>
        _acknowledge = _acknowledge is null ? acknowledge : throw new InvalidOperationException("writes are already acknowledged through another consumer");

    /// <summary>
    /// Called by the write path once the store committed: wakes the consumers and, when one acknowledges writes,
    /// waits for it. Answers the sequence a reader must reach to see the write, or null when nothing changed and
    /// nobody acknowledges.
    /// </summary>
    public async Task<long?> CommittedAsync(long? lastSequence, CancellationToken ct)
    {
        if (lastSequence is not null) Notify();
        return _acknowledge is { } acknowledge ? await acknowledge(lastSequence, ct) : lastSequence;
    }

    public void Dispose() => _pending.Dispose();
}
