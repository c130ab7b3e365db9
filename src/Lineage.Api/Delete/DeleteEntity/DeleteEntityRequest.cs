using Lineage.Api.Wire;
using Lineage.Graph.Urns;

namespace Lineage.Api.Delete.DeleteEntity;

/// <summary><c>POST /entities?action=delete</c>'s body, <c>{"urn": …}</c>.</summary>
internal sealed record DeleteEntityRequest(string Urn) : IWireRequest<DeleteEntityRequest>
{
    public static async ValueTask<DeleteEntityRequest> ReadAsync(HttpContext context, CancellationToken ct)
    {
        var body = await JsonBody.ReadObjectAsync(context.Request, ct);
        return new(Graph.Urns.Urn.Parse(JsonBody.RequiredString(body, "urn", "urn"), "urn").ToString());
    }
}
