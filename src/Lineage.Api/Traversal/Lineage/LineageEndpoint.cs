using FastEndpoints;
using Lineage.Api.Wire;
using Lineage.Graph.Errors;
using Lineage.Graph.Traversal;
using Microsoft.Extensions.Options;

namespace Lineage.Api.Traversal.Lineage;

/// <summary>
/// <c>GET /api/v1/lineage?urn=&amp;direction=upstream|downstream|both&amp;maxHops=&amp;relationships=&amp;entityTypes=&amp;includeRemoved=&amp;limit=</c>:
/// the root, the nodes reached with their degree, and the lineage edges among them.
/// </summary>
internal sealed class LineageEndpoint(LineageService lineage, IOptions<TraversalOptions> options) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/api/v1/lineage");
        AllowAnonymous();
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        RestLi.OnlyParameters(HttpContext, "urn", "direction", "maxHops", "relationships", "entityTypes", "includeRemoved", "limit");
        var limits = options.Value;
        var direction = HttpContext.Request.Query["direction"].ToString().ToLowerInvariant() switch
        {
            "" or "both" => (LineageDirection?)null,
            "upstream" => LineageDirection.Upstream,
            "downstream" => LineageDirection.Downstream,
            var other => throw new ValidationException("direction", $"'{other}' is not upstream, downstream or both"),
        };
        var request = new LineageRequest(
            RestLi.Required(HttpContext, "urn"),
            direction,
            RestLi.Int(HttpContext, "maxHops", limits.DefaultLineageHops, 1, limits.MaxHops),
            RestLi.List(HttpContext, "relationships"),
            RestLi.List(HttpContext, "entityTypes"),
            RestLi.Bool(HttpContext, "includeRemoved", false),
            RestLi.Int(HttpContext, "limit", Math.Min(limits.DefaultLineageLimit, limits.MaxNodes), 1, limits.MaxNodes));
        await Send.OkAsync(await lineage.GetLineageAsync(request, ct), ct);
    }
}
