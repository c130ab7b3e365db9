using Lineage.Api.Wire;

namespace Lineage.Api.Entities.GetEntityV2;

/// <summary>
/// <c>GET /entitiesV2/{urn}?aspects=List(a,b)&amp;asOf=</c>: the urn as the raw path holds it, the aspects to narrow to
/// (none: all), and the moment to read the entity as of (none: now).
/// </summary>
internal sealed record GetEntityV2Request(string Urn, IReadOnlyList<string> Aspects, DateTimeOffset? AsOf) : IWireRequest<GetEntityV2Request>
{
    public static ValueTask<GetEntityV2Request> ReadAsync(HttpContext context, CancellationToken ct) =>
        ValueTask.FromResult(new GetEntityV2Request(RestLi.UrnFromPath(context, "/entitiesV2/"), RestLi.List(context, "aspects"), RestLi.AsOf(context)));
}
