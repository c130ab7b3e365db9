using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Search.Index;
using Lineage.Search.Indexing;

namespace Lineage.Api.Admin.Reindex;

/// <summary><c>POST /api/v1/admin/reindex</c>: empties the search index and rebuilds it from the store's change feed.</summary>
internal sealed class ReindexEndpoint(IndexFeeder feeder, SearchIndex index) : EndpointWithoutRequest<ReindexResponse>
{
    public override void Configure()
    {
        Post("/api/v1/admin/reindex");
        Scopes(Scope.Admin);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var sequence = await feeder.RebuildAsync(ct);
        await Send.OkAsync(new ReindexResponse(sequence, index.Count), ct);
    }
}
