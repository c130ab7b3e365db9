using FastEndpoints;
using Lineage.Graph.Storage;
using Microsoft.Extensions.Options;

namespace Lineage.Api.Health;

/// <summary><c>GET /health</c>: 200 when the store answers, 503 when it does not.</summary>
internal sealed class HealthEndpoint(IGraphStore store, IOptions<StoreOptions> options, Lineage.Search.Index.SearchIndex index) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/health");
        // Public: probes, and clients that call it before they send a token.
        AllowAnonymous();
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        // Reading one change is the cheapest round trip that proves the store is there.
        await store.ReadChangesAfterAsync(long.MaxValue - 1, 1, ct);
        await Send.OkAsync(new
        {
            status = "ok",
            store = options.Value.Store,
            search = new { appliedSequence = index.AppliedSequence, committedSequence = index.CommittedSequence, documents = index.Count },
        }, ct);
    }
}
