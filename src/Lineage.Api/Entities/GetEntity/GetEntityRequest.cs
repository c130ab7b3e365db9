using Lineage.Api.Wire;

namespace Lineage.Api.Entities.GetEntity;

/// <summary>
/// <c>GET /entities/{urn}?aspects=List(a,b)&amp;asOf=</c>: the urn as the raw path holds it, the aspects to narrow to
/// (none: all), and the moment to read the entity as of (none: now).
/// </summary>
internal sealed record GetEntityRequest(string Urn, IReadOnlyList<string> Aspects, DateTimeOffset? AsOf) : IWireRequest<GetEntityRequest>
{
    public static ValueTask<GetEntityRequest> ReadAsync(HttpContext context, CancellationToken ct) =>
        ValueTask.FromResult(new GetEntityRequest(RestLi.UrnFromPath(context, "/entities/"), RestLi.List(context, "aspects"), RestLi.AsOf(context)));
}
