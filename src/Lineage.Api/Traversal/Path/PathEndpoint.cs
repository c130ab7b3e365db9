using FastEndpoints;
using Lineage.Api.Wire;
using Lineage.Graph.Errors;
using Lineage.Graph.Traversal;
using Microsoft.Extensions.Options;

namespace Lineage.Api.Traversal.Path;

/// <summary><c>GET /api/v1/lineage/path?from=&amp;to=&amp;maxHops=</c>: the shortest lineage path between two entities, or 404.</summary>
internal sealed class PathEndpoint(LineageService lineage, IOptions<TraversalOptions> options) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/api/v1/lineage/path");
        AllowAnonymous();
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        RestLi.OnlyParameters(HttpContext, "from", "to", "maxHops");
        var (from, to) = (RestLi.Required(HttpContext, "from"), RestLi.Required(HttpContext, "to"));
        var maxHops = RestLi.Int(HttpContext, "maxHops", options.Value.MaxHops, 1, options.Value.MaxHops);
        var answer = await lineage.FindPathAsync(from, to, maxHops, ct)
                     ?? throw new NotFoundException($"no lineage path between {from} and {to} within {maxHops} hops");
        await Send.OkAsync(answer, ct);
    }
}
