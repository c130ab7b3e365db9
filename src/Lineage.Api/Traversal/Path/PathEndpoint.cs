using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Graph.Errors;
using Lineage.Api.Wire;
using Lineage.Graph.Traversal;
using Microsoft.Extensions.Options;

namespace Lineage.Api.Traversal.Path;

/// <summary><c>GET /api/v1/lineage/path?from=&amp;to=&amp;maxHops=&amp;granularity=&amp;asOf=</c>: the shortest lineage path between two entities, or 404.</summary>
internal sealed class PathEndpoint(LineageService lineage, IOptions<TraversalOptions> options) : Endpoint<FindPathRequest, PathAnswer>
{
    public override void Configure()
    {
        Get("/api/v1/lineage/path");
        Scopes(Scope.Read);
    }

    public override async Task HandleAsync(FindPathRequest req, CancellationToken ct)
    {
        var maxHops = req.MaxHops ?? options.Value.MaxHops;
        var answer = await lineage.FindPathAsync(req.From, req.To, maxHops, ct, GranularityParameter.Parse(req.Granularity),
                         Moment.Parse(req.AsOf, "asOf") is { } asOf ? LineageTime.At(asOf) : null)
                     ?? throw new NotFoundException($"no lineage path between {req.From} and {req.To} within {maxHops} hops");
        await Send.OkAsync(answer, ct);
    }
}
