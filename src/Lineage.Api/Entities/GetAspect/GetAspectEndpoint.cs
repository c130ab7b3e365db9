using System.Text.Json.Nodes;
using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Api.Wire;
using Lineage.Graph.Errors;
using Lineage.Graph.Reading;

namespace Lineage.Api.Entities.GetAspect;

/// <summary><c>GET /aspects/{urn}?aspect=&amp;version=</c>: one version of one aspect, keyed by its schema class.</summary>
internal sealed class GetAspectEndpoint(MetadataReader reader) : Endpoint<GetAspectRequest>
{
    public override void Configure()
    {
        Get("/aspects/{**urn}");
        Scopes(Scope.Read);
        RequestBinder(new WireBinder<GetAspectRequest>());
    }

    public override async Task HandleAsync(GetAspectRequest req, CancellationToken ct)
    {
        var (urn, name, version) = (req.Urn, req.Aspect, req.Version);
        var aspect = await reader.GetAspectAsync(urn, name, version, ct, req.AsOf)
                     ?? throw new NotFoundException(req.AsOf is { } moment
                         ? $"{urn} had no aspect {name} at {NotFound.Time(moment)}"
                         : $"{urn} has no aspect {name} at version {version}");
        await Send.OkAsync(new JsonObject
        {
            ["urn"] = urn,
            ["version"] = req.AsOf is null ? version : aspect.Stored.Version,
            ["aspect"] = AspectWire.Union(aspect),
            ["systemMetadata"] = AspectWire.SystemMetadata(aspect),
        }, ct);
    }
}
