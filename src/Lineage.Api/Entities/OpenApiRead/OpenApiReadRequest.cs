using Lineage.Api.Wire;
using Lineage.Graph.Registry;

namespace Lineage.Api.Entities.OpenApiRead;

/// <summary>
/// <c>GET|HEAD /openapi/v3/entity/{entityType}/{urn}[/{aspectName}]?systemMetadata=&amp;version=&amp;aspects=&amp;includeSoftDelete=&amp;asOf=</c>.
/// </summary>
internal sealed record OpenApiReadRequest(
    OpenApiTarget Target, bool Head, bool WithSystemMetadata, int Version, IReadOnlyList<string> Aspects, bool IncludeSoftDelete,
    DateTimeOffset? AsOf)
    : IWireRequest<OpenApiReadRequest>
{
    public static ValueTask<OpenApiReadRequest> ReadAsync(HttpContext context, CancellationToken ct)
    {
        var registry = context.RequestServices.GetRequiredService<MetadataRegistry>();
        var target = OpenApiTarget.From(context, registry);
        return ValueTask.FromResult(new OpenApiReadRequest(
            target,
            HttpMethods.IsHead(context.Request.Method),
            RestLi.Bool(context, "systemMetadata", false),
            target.Aspect is null ? 0 : RestLi.Int(context, "version", 0, 0, int.MaxValue),
            target.Aspect is null ? [.. target.NamedAspects(context, registry, "aspects", "aspectNames").Select(a => a.Name)] : [],
            RestLi.Bool(context, "includeSoftDelete", false),
            RestLi.AsOf(context)));
    }
}
