using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Api.Wire;
using Lineage.Graph.Traversal;
using Microsoft.Extensions.Options;

namespace Lineage.Api.Traversal.Lineage;

/// <summary>
/// <c>GET /api/v1/lineage?urn=&amp;direction=upstream|downstream|both&amp;maxHops=&amp;relationships=&amp;entityTypes=&amp;includeRemoved=&amp;limit=&amp;granularity=&amp;asOf=</c>:
/// the root, the nodes reached with their degree, and the lineage edges among them.
/// </summary>
internal sealed class LineageEndpoint(LineageService lineage, IOptions<TraversalOptions> options) : Endpoint<GetLineageRequest, LineageGraph>
{
    public override void Configure()
    {
        Get("/api/v1/lineage");
        Scopes(Scope.Read);
    }

    public override async Task HandleAsync(GetLineageRequest req, CancellationToken ct)
    {
        var limits = options.Value;
        var request = new LineageRequest(
            req.Urn,
            req.Walk,
            req.MaxHops ?? limits.DefaultLineageHops,
            RestLi.Expand(req.Relationships),
            RestLi.Expand(req.EntityTypes),
            req.IncludeRemoved,
            req.Limit ?? Math.Min(limits.DefaultLineageLimit, limits.MaxNodes),
            GranularityParameter.Parse(req.Granularity),
            Moment.Parse(req.AsOf, "asOf") is { } asOf ? LineageTime.At(asOf) : null);
        await Send.OkAsync(await lineage.GetLineageAsync(request, ct), ct);
    }
}
