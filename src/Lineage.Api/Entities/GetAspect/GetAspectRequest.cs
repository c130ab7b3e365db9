using Lineage.Api.Wire;

namespace Lineage.Api.Entities.GetAspect;

/// <summary>
/// <c>GET /aspects/{urn}?aspect=&amp;version=</c> or <c>&amp;asOf=</c>: the urn as the raw path holds it, the aspect, and
/// the version (0 = latest) or the moment whose version to read; not both.
/// </summary>
internal sealed record GetAspectRequest(string Urn, string Aspect, int Version, DateTimeOffset? AsOf) : IWireRequest<GetAspectRequest>
{
    public static ValueTask<GetAspectRequest> ReadAsync(HttpContext context, CancellationToken ct)
    {
        var asOf = RestLi.AsOf(context);
        if (asOf is not null && context.Request.Query.ContainsKey("version"))
            throw new Lineage.Graph.Errors.ValidationException("asOf", "give version or asOf, not both: asOf picks the version current then");
        return ValueTask.FromResult(new GetAspectRequest(RestLi.UrnFromPath(context, "/aspects/"), RestLi.Required(context, "aspect"),
            RestLi.Int(context, "version", 0, 0, int.MaxValue), asOf));
    }
}
