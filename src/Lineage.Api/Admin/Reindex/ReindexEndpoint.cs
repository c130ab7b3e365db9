using FastEndpoints;
using Lineage.Search.Index;
using Lineage.Search.Indexing;

namespace Lineage.Api.Admin.Reindex;

/// <summary><c>POST /api/v1/admin/reindex</c>: empties the search index and rebuilds it from the store's change feed.</summary>
internal sealed class ReindexEndpoint(IndexFeeder feeder, SearchIndex index) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Post("/api/v1/admin/reindex");
        AllowAnonymous();
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var sequence = await feeder.RebuildAsync(ct);
        await Send.OkAsync(new { appliedSequence = sequence, documents = index.Count }, ct);
    }
}
