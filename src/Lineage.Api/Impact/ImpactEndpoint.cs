using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Api.Wire;
using Lineage.Graph.Traversal;
using Microsoft.Extensions.Options;

namespace Lineage.Api.Impact;

/// <summary>
/// <c>GET /api/v1/impact?urn=&amp;maxHops=&amp;entityTypes=&amp;granularity=&amp;start=&amp;count=&amp;asOf=</c>: everything downstream of an
/// entity — what breaks if it changes — with counts, one path each, deprecation and soft-delete flags, and the owners
/// to tell. The affected list comes a page at a time, as DataHub's lineage search does; the counts and owners cover all.
/// </summary>
internal sealed class ImpactEndpoint(LineageService lineage, IOptions<TraversalOptions> options) : Endpoint<GetImpactRequest, ImpactReport>
{
    public override void Configure()
    {
        Get("/api/v1/impact");
        Scopes(Scope.Read);
    }

    public override async Task HandleAsync(GetImpactRequest req, CancellationToken ct) =>
        await Send.OkAsync(await lineage.GetImpactAsync(req.Urn, req.MaxHops ?? options.Value.MaxHops, RestLi.Expand(req.EntityTypes), ct,
            GranularityParameter.Parse(req.Granularity),
            new ImpactPage(req.Start ?? 0, req.Count ?? Math.Min(options.Value.DefaultImpactCount, options.Value.MaxNodes)),
            Moment.Parse(req.AsOf, "asOf") is { } asOf ? LineageTime.At(asOf) : null), ct);
}
