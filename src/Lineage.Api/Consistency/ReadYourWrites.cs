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
        var applied = options.Value.ReadYourWrites ? await WaitAppliedAsync(lastSequence, ct) : feeder.AppliedSequence;
        var sequence = lastSequence ?? applied;
        if (http.HttpContext is { Response.HasStarted: false } context)
            context.Response.Headers[SequenceHeaders.Sequence] = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return sequence;
    }

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
