using FastEndpoints;
using Lineage.Api.Wire;
using Lineage.Graph.Errors;
using Lineage.Graph.Reading;
using Lineage.Graph.Registry;

namespace Lineage.Api.OpenApi;

/// <summary>
/// <c>GET</c> and <c>HEAD /openapi/v3/entity/{entityType}/{urn}[/{aspectName}]</c>: an entity's latest aspects (all, or
/// those named by <c>aspects</c>), or one aspect at a version; HEAD says only whether it exists.
/// </summary>
internal sealed class ReadEntityEndpoint(MetadataReader reader, MetadataRegistry registry) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Verbs(Http.GET, Http.HEAD);
        Routes(OpenApiTarget.Prefix + "{entityType}/{**urn}");
        AllowAnonymous();
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var target = OpenApiTarget.From(HttpContext, registry);
        var head = HttpMethods.IsHead(HttpContext.Request.Method);
        var withSystemMetadata = RestLi.Bool(HttpContext, "systemMetadata", false);
        if (target.Aspect is { } spec)
        {
            var version = RestLi.Int(HttpContext, "version", 0, 0, int.MaxValue);
            var aspect = await reader.GetAspectAsync(target.Urn, spec.Name, version, ct)
                         ?? throw new NotFoundException($"{target.Urn} has no aspect {spec.Name} at version {version}");
            if (head) await Send.NoContentAsync(ct);
            else await Send.OkAsync(GenericEntityWire.Aspect(aspect, withSystemMetadata), ct);
            return;
        }

        var only = target.NamedAspects(HttpContext, registry, "aspects", "aspectNames").Select(a => a.Name).ToList();
        var entity = await reader.GetEntityAsync(target.Urn, only, ct);
        // Like DataHub's exists(), HEAD counts a soft-deleted entity as absent unless asked to include it.
        var found = entity is not null && (!head || !entity.Removed || RestLi.Bool(HttpContext, "includeSoftDelete", false));
        if (!found) throw new NotFoundException($"entity {target.Urn} not found");
        if (head) await Send.NoContentAsync(ct);
        else await Send.OkAsync(GenericEntityWire.Entity(entity!, withSystemMetadata), ct);
    }
}
