using System.Text;
using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Graph.Changes;
using Lineage.Graph.Errors;
using Lineage.Graph.Storage;

namespace Lineage.Api.Changes.Stream;

/// <summary>
/// <c>GET /api/v1/changes/stream</c>: the change feed as Server-Sent Events, one event per change (<c>id</c> its
/// sequence number, <c>event: change</c>, <c>data</c> the MetadataChangeLog), in order and without gaps. A client that
/// reconnects with <c>Last-Event-ID</c> gets every change after it, so a dropped connection loses nothing.
/// </summary>
internal sealed class ChangeStreamEndpoint(IGraphStore store, ChangeLog log, ChangeSignal signal) : Endpoint<ChangeStreamRequest>
{
    /// <summary>Changes read from the store at a time.</summary>
    private const int Page = 500;

    /// <summary>How long a stream waits for this process's next commit before it looks at the store anyway (other instances write too).</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <summary>A comment line this often keeps proxies from closing a quiet stream.</summary>
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public override void Configure()
    {
        Get("/api/v1/changes/stream");
        Scopes(Scope.Read);
    }

    public override async Task HandleAsync(ChangeStreamRequest req, CancellationToken ct)
    {
        var cursor = LastEventId() ?? req.After ?? await store.GetLastSequenceAsync(ct);
        var response = HttpContext.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        // nginx (deploy/nginx.conf) would otherwise hold events back in its buffer.
        response.Headers["X-Accel-Buffering"] = "no";
        await response.WriteAsync("retry: 2000\n\n", ct);
        await response.Body.FlushAsync(ct);

        var quietSince = DateTime.UtcNow;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var committed = signal.NextCommit;
                var changes = await store.ReadChangesAfterAsync(cursor, Page, ct);
                if (changes.Count > 0)
                {
                    var text = new StringBuilder();
                    foreach (var change in changes)
                        text.Append("id: ").Append(change.Sequence).Append("\nevent: change\ndata: ").Append(log.Of(change).ToJsonString()).Append("\n\n");
                    await response.WriteAsync(text.ToString(), ct);
                    await response.Body.FlushAsync(ct);
                    cursor = changes[^1].Sequence;
                    quietSince = DateTime.UtcNow;
                    if (changes.Count == Page) continue;
                }
                else if (DateTime.UtcNow - quietSince >= KeepAlive)
                {
                    await response.WriteAsync(": keep-alive\n\n", ct);
                    await response.Body.FlushAsync(ct);
                    quietSince = DateTime.UtcNow;
                }
                await Task.WhenAny(committed, Task.Delay(Poll, ct));
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away; the stream ends.
        }
    }

    /// <summary>The sequence number a reconnecting client last saw, or null; anything else is a 400 naming the header.</summary>
    private long? LastEventId()
    {
        var text = HttpContext.Request.Headers["Last-Event-ID"].FirstOrDefault();
        if (string.IsNullOrEmpty(text)) return null;
        return long.TryParse(text, out var id) && id >= 0
            ? id
            : throw new ValidationException("Last-Event-ID", $"'{text}' is not a sequence number this stream sent");
    }
}
