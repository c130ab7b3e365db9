using FastEndpoints;
using Lineage.Api.Wire;
using Lineage.Graph.Errors;
using Lineage.Graph.Storage;
using Lineage.Graph.Urns;

namespace Lineage.Api.Entities.Relationships;

/// <summary>
/// <c>GET /relationships?direction=INCOMING|OUTGOING&amp;urn=&amp;types=&amp;start=&amp;count=</c>: a page of the
/// entities related to one entity; soft-deleted entities are left out unless <c>includeRemoved=true</c>.
/// </summary>
internal sealed class RelationshipsEndpoint(IGraphStore store) : EndpointWithoutRequest
{
    private const int MaxCount = 10_000;

    public override void Configure()
    {
        Get("/relationships");
        AllowAnonymous();
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var urn = Urn.Parse(RestLi.Required(HttpContext, "urn"), "urn");
        var direction = RestLi.Required(HttpContext, "direction") switch
        {
            "OUTGOING" => RelationshipDirection.Outgoing,
            "INCOMING" => RelationshipDirection.Incoming,
            var other => throw new ValidationException("direction", $"'{other}' is not INCOMING or OUTGOING"),
        };
        var query = new RelationshipQuery(
            urn.ToString(), direction, RestLi.List(HttpContext, "types"),
            RestLi.Int(HttpContext, "start", 0, 0, int.MaxValue),
            RestLi.Int(HttpContext, "count", 100, 0, MaxCount),
            HttpContext.Request.Query["includeRemoved"] == "true");
        var page = await store.GetRelationshipsAsync(query, ct);
        await Send.OkAsync(new
        {
            start = page.Start,
            count = page.Items.Count,
            total = page.Total,
            relationships = page.Items.Select(r => new { type = r.Type, entity = r.Urn }),
        }, ct);
    }
}
