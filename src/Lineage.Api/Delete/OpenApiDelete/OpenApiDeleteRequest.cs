using Lineage.Api.Wire;
using Lineage.Graph.Registry;

namespace Lineage.Api.Delete.OpenApiDelete;

/// <summary>
/// <c>DELETE /openapi/v3/entity/{entityType}/{urn}[/{aspectName}]?aspects=&amp;clear=</c>: what to delete — the aspect in
/// the path, those <c>aspects</c> names, every aspect but the key (<c>clear=true</c>), or, naming none, the entity.
/// </summary>
internal sealed record OpenApiDeleteRequest(OpenApiTarget Target, IReadOnlyList<AspectSpec> Named, bool Clear)
    : IWireRequest<OpenApiDeleteRequest>
{
    public static ValueTask<OpenApiDeleteRequest> ReadAsync(HttpContext context, CancellationToken ct)
    {
        var registry = context.RequestServices.GetRequiredService<MetadataRegistry>();
        var target = OpenApiTarget.From(context, registry);
        IReadOnlyList<AspectSpec> named = target.Aspect is { } aspect ? [aspect] : target.NamedAspects(context, registry, "aspects");
        return ValueTask.FromResult(new OpenApiDeleteRequest(target, named, RestLi.Bool(context, "clear", false)));
    }
}
