using System.Text.Json.Nodes;
using FastEndpoints;
using Lineage.Api.Wire;
using Lineage.Graph.Errors;
using Lineage.Graph.Reading;

namespace Lineage.Api.Entities.GetEntity;

/// <summary>
/// <c>GET /entities/{urn}</c>: the legacy snapshot, every latest aspect (key first) as a class-keyed union;
/// <c>aspects=List(a,b)</c> narrows it.
/// </summary>
internal sealed class GetEntityEndpoint(MetadataReader reader) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/entities/{**urn}");
        AllowAnonymous();
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var urn = RestLi.UrnFromPath(HttpContext, "/entities/");
        var entity = await reader.GetEntityAsync(urn, RestLi.List(HttpContext, "aspects"), ct)
                     ?? throw new NotFoundException($"entity {urn} not found");
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
