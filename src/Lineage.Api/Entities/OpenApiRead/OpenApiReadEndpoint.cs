using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Api.Wire;
using Lineage.Graph.Errors;
using Lineage.Graph.Reading;

namespace Lineage.Api.Entities.OpenApiRead;

/// <summary>
/// <c>GET</c> and <c>HEAD /openapi/v3/entity/{entityType}/{urn}[/{aspectName}]</c>: an entity's latest aspects (all, or
/// those named by <c>aspects</c>), or one aspect at a version; HEAD says only whether it exists.
/// </summary>
internal sealed class OpenApiReadEndpoint(MetadataReader reader) : Endpoint<OpenApiReadRequest>
{
    public override void Configure()
    {
        Verbs(Http.GET, Http.HEAD);
        Routes(OpenApiTarget.Prefix + "{entityType}/{**urn}");
        Scopes(Scope.Read);
        RequestBinder(new WireBinder<OpenApiReadRequest>());
    }

    public override async Task HandleAsync(OpenApiReadRequest req, CancellationToken ct)
    {
        var target = req.Target;
        if (target.Aspect is { } spec)
        {
            var aspect = await reader.GetAspectAsync(target.Urn, spec.Name, req.Version, ct, req.AsOf)
                         ?? throw new NotFoundException(req.AsOf is { } moment
                             ? $"{target.Urn} had no aspect {spec.Name} at {NotFound.Time(moment)}"
                             : $"{target.Urn} has no aspect {spec.Name} at version {req.Version}");
            if (req.Head) await Send.NoContentAsync(ct);
            else await Send.OkAsync(GenericEntityWire.Aspect(aspect, req.WithSystemMetadata), ct);
            return;
        }

        var entity = await reader.GetEntityAsync(target.Urn, req.Aspects, ct, req.AsOf);
        // Like DataHub's exists(), HEAD counts a soft-deleted entity as absent unless asked to include it.
        var found = entity is not null && (!req.Head || !entity.Removed || req.IncludeSoftDelete);
        if (!found) throw new NotFoundException(NotFound.Entity(target.Urn, req.AsOf));
        if (req.Head) await Send.NoContentAsync(ct);
        else await Send.OkAsync(GenericEntityWire.Entity(entity!, req.WithSystemMetadata), ct);
    }
}
