using Lineage.Api.Wire;

namespace Lineage.Api.Entities.GetEntityV2;

/// <summary><c>GET /entitiesV2/{urn}?aspects=List(a,b)</c>: the urn as the raw path holds it, and the aspects to narrow to (none: all).</summary>
internal sealed record GetEntityV2Request(string Urn, IReadOnlyList<string> Aspects) : IWireRequest<GetEntityV2Request>
{
    public static ValueTask<GetEntityV2Request> ReadAsync(HttpContext context, CancellationToken ct) =>
        ValueTask.FromResult(new GetEntityV2Request(RestLi.UrnFromPath(context, "/entitiesV2/"), RestLi.List(context, "aspects")));
}
