using System.Globalization;
using Lineage.Graph.Errors;
using Lineage.Search.Indexing;
using Microsoft.Extensions.Options;

namespace Lineage.Api.Consistency;

/// <summary>
/// A request sending <c>X-Lineage-Min-Sequence: N</c> is served once this instance's search index has applied
/// change N — a write acknowledged by another instance is then found here — or answered 503 after the wait.
/// </summary>
internal sealed class MinSequenceMiddleware(RequestDelegate next, IndexFeeder feeder, IOptions<ConsistencyOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Headers[SequenceHeaders.MinSequence] is { Count: > 0 } values)
        {
            if (values.Count > 1 || !long.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var wanted))
                throw new ValidationException(SequenceHeaders.MinSequence,
                    $"not a change-feed sequence number: send one non-negative integer, as a write's {SequenceHeaders.Sequence} gives it");
            var wait = options.Value.MinSequenceWait;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            timeout.CancelAfter(wait);
            try
            {
                await feeder.WaitAppliedAsync(wanted, timeout.Token);
            }
            catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
            {
                throw new IndexBehindException(wanted, feeder.AppliedSequence, wait);
            }
        }
        await next(context);
    }
}
