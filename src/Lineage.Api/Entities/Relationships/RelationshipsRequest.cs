using Lineage.Api.Wire;
using Lineage.Graph.Errors;
using Lineage.Graph.Storage;
using Lineage.Graph.Urns;

namespace Lineage.Api.Entities.Relationships;

/// <summary>
/// <c>GET /relationships?direction=INCOMING|OUTGOING&amp;urn=&amp;types=&amp;start=&amp;count=&amp;includeRemoved=</c>, read
/// into the store's page query.
/// </summary>
internal sealed record RelationshipsRequest(RelationshipQuery Query) : IWireRequest<RelationshipsRequest>
{
    private const int MaxCount = 10_000;

    public static ValueTask<RelationshipsRequest> ReadAsync(HttpContext context, CancellationToken ct)
    {
        var urn = Urn.Parse(RestLi.Required(context, "urn"), "urn");
        var direction = RestLi.Required(context, "direction") switch
        {
            "OUTGOING" => RelationshipDirection.Outgoing,
            "INCOMING" => RelationshipDirection.Incoming,
            var other => throw new ValidationException("direction", $"'{other}' is not INCOMING or OUTGOING"),
        };
        return ValueTask.FromResult(new RelationshipsRequest(new RelationshipQuery(
            urn.ToString(), direction, RestLi.List(context, "types"),
            RestLi.Int(context, "start", 0, 0, int.MaxValue),
            RestLi.Int(context, "count", 100, 0, MaxCount),
            context.Request.Query["includeRemoved"] == "true")));
    }
}
