using FastEndpoints;
using Lineage.Api.Wire;
using Lineage.Graph.Traversal;
using Microsoft.Extensions.Options;

namespace Lineage.Api.Impact;

/// <summary>
/// <c>GET /api/v1/impact?urn=&amp;maxHops=&amp;entityTypes=</c>: everything downstream of an entity — what breaks if it
/// changes — with counts, one path each, deprecation and soft-delete flags, and the owners to tell.
/// </summary>
internal sealed class ImpactEndpoint(LineageService lineage, IOptions<TraversalOptions> options) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/api/v1/impact");
        AllowAnonymous();
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        RestLi.OnlyParameters(HttpContext, "urn", "maxHops", "entityTypes");
        var report = await lineage.GetImpactAsync(
            RestLi.Required(HttpContext, "urn"),
            RestLi.Int(HttpContext, "maxHops", options.Value.MaxHops, 1, options.Value.MaxHops),
            RestLi.List(HttpContext, "entityTypes"),
            ct);
        await Send.OkAsync(report, ct);
    }
}
