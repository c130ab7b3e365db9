using Lineage.Graph.Changes;
using Lineage.Search.Indexing;
using Microsoft.Extensions.Options;

namespace Lineage.Api.Consistency;

/// <summary>
/// Holds every write's acknowledgement until this instance's search index reflects it, and tells the writer, in
/// <c>X-Lineage-Sequence</c>, the sequence another instance's reader must ask for to see it.
/// </summary>
internal sealed class ReadYourWrites(
    ChangeSignal signal, IndexFeeder feeder, IHttpContextAccessor http, IOptions<ConsistencyOptions> options,
    ILogger<ReadYourWrites> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        signal.AcknowledgeThrough(AcknowledgeAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<long> AcknowledgeAsync(long? lastSequence, CancellationToken ct)
    {
        // A write that changed nothing has no change of its own: the sequence its value is visible at is the end of
        // the feed, which is where waiting for "null" takes the index.
        var applied = options.Value.ReadYourWrites && !Replaying(lastSequence) ? await WaitAppliedAsync(lastSequence, ct) : feeder.AppliedSequence;
        var sequence = lastSequence ?? applied;
        if (http.HttpContext is { Response.HasStarted: false } context)
            context.Response.Headers[SequenceHeaders.Sequence] = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return sequence;
    }

    /// <summary>
    /// Whether this instance's index is still being built or replaying a long feed (a new instance on a store others
    /// have filled): its search is incomplete until it is done, and holding every write until then would stall writes
    /// for as long.
    /// Writes are then acknowledged at once, with their sequence, and a reader who needs one sends it.
    /// </summary>
    private bool Replaying(long? lastSequence)
    {
        // A write that changed nothing gives no measure of the lag, and waits (AcknowledgeWait at most).
        var replaying = lastSequence - feeder.AppliedSequence > ReplayLag;
        if (replaying && !_toldReplaying)
            logger.LogWarning("The search index is being built or is replaying the change feed ({Applied} applied): writes are acknowledged without waiting for it until it has caught up",
                feeder.AppliedSequence);
        _toldReplaying = replaying;
        return replaying;
    }

    // Changes a live index is never this far behind, however many writes wait at once (a 1,000-proposal batch makes
    // about 2,000); an index this far behind is replaying.
    private const long ReplayLag = 50_000;
    private bool _toldReplaying;

    private async Task<long> WaitAppliedAsync(long? lastSequence, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(options.Value.AcknowledgeWait);
        long applied;
        try
        {
            applied = await feeder.WaitAppliedAsync(lastSequence, wait.Token);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The write is committed and stays so; failing its request now would only make the client send it again.
            applied = feeder.AppliedSequence;
            logger.LogWarning(e is OperationCanceledException ? null : e,
                "A write (change {Sequence}) is acknowledged before the search index reflects it: the index has applied up to {Applied}",
                lastSequence, applied);
        }
        return applied;
    }
}
