using System.Text.Json.Nodes;
using FastEndpoints;
using Lineage.Api.Wire;
using Lineage.Graph.Errors;
using Lineage.Graph.Reading;

namespace Lineage.Api.Entities.GetEntityV2;

/// <summary><c>GET /entitiesV2/{urn}</c>: every latest aspect by name, as the new SDK reads an entity before updating it.</summary>
internal sealed class GetEntityV2Endpoint(MetadataReader reader) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/entitiesV2/{**urn}");
        AllowAnonymous();
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var urn = RestLi.UrnFromPath(HttpContext, "/entitiesV2/");
        var entity = await reader.GetEntityAsync(urn, RestLi.List(HttpContext, "aspects"), ct)
                     ?? throw new NotFoundException($"entity {urn} not found");
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
