using System.Text.Json.Nodes;
using FastEndpoints;
using Lineage.Api.Wire;
using Lineage.Graph.Errors;
using Lineage.Graph.Reading;

namespace Lineage.Api.Entities.History;

/// <summary>
/// <c>GET /api/v1/history?urn=&amp;aspect=</c>: the kept versions of each aspect of an entity — when, by whom, what —
/// which DataHub's Rest.li API only serves one version at a time.
/// </summary>
internal sealed class HistoryEndpoint(MetadataReader reader) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/api/v1/history");
        AllowAnonymous();
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        RestLi.OnlyParameters(HttpContext, "urn", "aspect");
        var urn = RestLi.Required(HttpContext, "urn");
        var aspect = HttpContext.Request.Query["aspect"].ToString() is { Length: > 0 } named ? named : null;
        var history = await reader.GetHistoryAsync(urn, aspect, ct) ?? throw new NotFoundException($"entity {urn} not found");
        await Send.OkAsync(new JsonObject
        {
            ["urn"] = urn,
            ["aspects"] = new JsonArray([.. history.Select(h => (JsonNode)new JsonObject
            {
                ["name"] = h.Spec.Name,
                ["versions"] = new JsonArray([.. h.Versions.Select(v => (JsonNode)new JsonObject
                {
                    ["version"] = v.Version,
                    ["revision"] = v.Revision,
                    ["createdAt"] = v.CreatedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
                    ["createdBy"] = v.CreatedBy,
                    ["value"] = v.Value.DeepClone(),
                })]),
            })]),
        }, ct);
    }
}
