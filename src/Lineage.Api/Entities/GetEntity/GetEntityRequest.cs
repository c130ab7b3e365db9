using Lineage.Api.Wire;

namespace Lineage.Api.Entities.GetEntity;

/// <summary><c>GET /entities/{urn}?aspects=List(a,b)</c>: the urn as the raw path holds it, and the aspects to narrow to (none: all).</summary>
internal sealed record GetEntityRequest(string Urn, IReadOnlyList<string> Aspects) : IWireRequest<GetEntityRequest>
{
    public static ValueTask<GetEntityRequest> ReadAsync(HttpContext context, CancellationToken ct) =>
        ValueTask.FromResult(new GetEntityRequest(RestLi.UrnFromPath(context, "/entities/"), RestLi.List(context, "aspects")));
}
