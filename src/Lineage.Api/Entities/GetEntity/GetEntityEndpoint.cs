using System.Text.Json.Nodes;
using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Api.Wire;
using Lineage.Graph.Errors;
using Lineage.Graph.Reading;

namespace Lineage.Api.Entities.GetEntity;

/// <summary>
/// <c>GET /entities/{urn}</c>: the legacy snapshot, every latest aspect (key first) as a class-keyed union;
/// <c>aspects=List(a,b)</c> narrows it.
/// </summary>
internal sealed class GetEntityEndpoint(MetadataReader reader) : Endpoint<GetEntityRequest>
{
    public override void Configure()
    {
        Get("/entities/{**urn}");
        Scopes(Scope.Read);
        RequestBinder(new WireBinder<GetEntityRequest>());
    }

    public override async Task HandleAsync(GetEntityRequest req, CancellationToken ct)
    {
        var entity = await reader.GetEntityAsync(req.Urn, req.Aspects, ct, req.AsOf)
                     ?? throw new NotFoundException(NotFound.Entity(req.Urn, req.AsOf));
        var snapshot = new JsonObject
        {
            ["urn"] = entity.Urn,
            ["aspects"] = new JsonArray([.. entity.Aspects.Select(AspectWire.Union)]),
        };
        await Send.OkAsync(new JsonObject
        {
            ["value"] = new JsonObject { [entity.Spec.SnapshotClass ?? entity.Spec.EntityType] = snapshot },
        }, ct);
    }
}
