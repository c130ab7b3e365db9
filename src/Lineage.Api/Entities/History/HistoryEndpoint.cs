using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Graph.Errors;
using Lineage.Graph.Reading;

namespace Lineage.Api.Entities.History;

/// <summary>
/// <c>GET /api/v1/history?urn=&amp;aspect=</c>: the kept versions of each aspect of an entity — when, by whom, what —
/// which DataHub's Rest.li API only serves one version at a time.
/// </summary>
internal sealed class HistoryEndpoint(MetadataReader reader) : Endpoint<GetHistoryRequest, HistoryResponse>
{
    public override void Configure()
    {
        Get("/api/v1/history");
        Scopes(Scope.Read);
    }

    public override async Task HandleAsync(GetHistoryRequest req, CancellationToken ct)
    {
        var aspect = string.IsNullOrEmpty(req.Aspect) ? null : req.Aspect;
        var history = await reader.GetHistoryAsync(req.Urn, aspect, ct) ?? throw new NotFoundException($"entity {req.Urn} not found");
        await Send.OkAsync(new HistoryResponse(req.Urn, [.. history.Select(h => new HistoryResponse.AspectHistory(
            h.Spec.Name,
            [.. h.Versions.Select(v => new HistoryResponse.AspectVersion(
                v.Version, v.Revision, v.CreatedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"), v.CreatedBy, v.Value))]))]), ct);
    }
}
