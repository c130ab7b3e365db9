using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Api.Wire;
using Lineage.Graph.Storage;

namespace Lineage.Api.Entities.Relationships;

/// <summary>
/// <c>GET /relationships</c>: a page of the entities related to one entity; soft-deleted entities are left out unless
/// <c>includeRemoved=true</c>.
/// </summary>
internal sealed class RelationshipsEndpoint(IGraphStore store) : Endpoint<RelationshipsRequest>
{
    public override void Configure()
    {
        Get("/relationships");
        Scopes(Scope.Read);
        RequestBinder(new WireBinder<RelationshipsRequest>());
    }

    public override async Task HandleAsync(RelationshipsRequest req, CancellationToken ct)
    {
        var page = await store.GetRelationshipsAsync(req.Query, ct);
        await Send.OkAsync(new
        {
            start = page.Start,
            count = page.Items.Count,
            total = page.Total,
            relationships = page.Items.Select(r => new { type = r.Type, entity = r.Urn }),
        }, ct);
    }
}
