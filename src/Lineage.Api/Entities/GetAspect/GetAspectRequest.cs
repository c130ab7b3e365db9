using Lineage.Api.Wire;

namespace Lineage.Api.Entities.GetAspect;

/// <summary><c>GET /aspects/{urn}?aspect=&amp;version=</c>: the urn as the raw path holds it, the aspect, the version (0 = latest).</summary>
internal sealed record GetAspectRequest(string Urn, string Aspect, int Version) : IWireRequest<GetAspectRequest>
{
    public static ValueTask<GetAspectRequest> ReadAsync(HttpContext context, CancellationToken ct) => ValueTask.FromResult(new GetAspectRequest(
        RestLi.UrnFromPath(context, "/aspects/"), RestLi.Required(context, "aspect"), RestLi.Int(context, "version", 0, 0, int.MaxValue)));
}
