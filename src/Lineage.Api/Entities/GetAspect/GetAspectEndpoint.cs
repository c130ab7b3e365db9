using System.Text.Json.Nodes;
using FastEndpoints;
using Lineage.Api.Wire;
using Lineage.Graph.Errors;
using Lineage.Graph.Reading;

namespace Lineage.Api.Entities.GetAspect;

/// <summary><c>GET /aspects/{urn}?aspect=&amp;version=</c>: one version of one aspect, keyed by its schema class.</summary>
internal sealed class GetAspectEndpoint(MetadataReader reader) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/aspects/{**urn}");
        AllowAnonymous();
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var urn = RestLi.UrnFromPath(HttpContext, "/aspects/");
        var name = RestLi.Required(HttpContext, "aspect");
        var version = RestLi.Int(HttpContext, "version", 0, 0, int.MaxValue);
        var aspect = await reader.GetAspectAsync(urn, name, version, ct)
                     ?? throw new NotFoundException($"{urn} has no aspect {name} at version {version}");
        await Send.OkAsync(new JsonObject
        {
            ["urn"] = urn,
            ["version"] = version,
            ["aspect"] = AspectWire.Union(aspect),
            ["systemMetadata"] = AspectWire.SystemMetadata(aspect),
        }, ct);
    }
}
