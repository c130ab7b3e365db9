using System.Text.Json.Nodes;
using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Api.Wire;
using Lineage.Graph.Errors;
using Lineage.Graph.Reading;

namespace Lineage.Api.Entities.GetEntityV2;

/// <summary><c>GET /entitiesV2/{urn}</c>: every latest aspect by name, as the new SDK reads an entity before updating it.</summary>
internal sealed class GetEntityV2Endpoint(MetadataReader reader) : Endpoint<GetEntityV2Request>
{
    public override void Configure()
    {
        Get("/entitiesV2/{**urn}");
        Scopes(Scope.Read);
        RequestBinder(new WireBinder<GetEntityV2Request>());
    }

    public override async Task HandleAsync(GetEntityV2Request req, CancellationToken ct)
    {
        var entity = await reader.GetEntityAsync(req.Urn, req.Aspects, ct, req.AsOf)
                     ?? throw new NotFoundException(NotFound.Entity(req.Urn, req.AsOf));
        var aspects = new JsonObject();
        foreach (var aspect in entity.Aspects) aspects[aspect.Spec.Name] = AspectWire.EnvelopedAspect(aspect);
        await Send.OkAsync(new JsonObject
        {
            ["entityName"] = entity.Spec.EntityType,
            ["urn"] = entity.Urn,
            ["aspects"] = aspects,
        }, ct);
    }
}
