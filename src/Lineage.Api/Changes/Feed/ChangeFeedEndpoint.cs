using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Graph.Storage;

namespace Lineage.Api.Changes.Feed;

/// <summary>
/// <c>GET /api/v1/changes?after=&amp;limit=</c>: the change feed in order, without gaps, each change as DataHub's
/// MetadataChangeLog (<see cref="ChangeLog"/>); a reader that asks again with <c>after=next</c> misses nothing.
/// </summary>
internal sealed class ChangeFeedEndpoint(IGraphStore store, ChangeLog log) : Endpoint<ChangeFeedRequest, ChangeFeedResponse>
{
    public override void Configure()
    {
        Get("/api/v1/changes");
        Scopes(Scope.Read);
    }

    public override async Task HandleAsync(ChangeFeedRequest req, CancellationToken ct)
    {
        var changes = await store.ReadChangesAfterAsync(req.After, req.Limit, ct);
        await Send.OkAsync(new ChangeFeedResponse([.. changes.Select(log.Of)], changes.Count > 0 ? changes[^1].Sequence : req.After), ct);
    }
}
