using FastEndpoints;
using Lineage.Api.Wire;
using Lineage.Graph.Errors;
using Lineage.Graph.Reading;
using Lineage.Graph.Registry;
using Lineage.Graph.Writing;

namespace Lineage.Api.OpenApi;

/// <summary>
/// <c>DELETE /openapi/v3/entity/{entityType}/{urn}[/{aspectName}]</c>: the whole entity, the aspects named by
/// <c>aspects</c>, every aspect but the key (<c>clear=true</c>), or the aspect in the path. Idempotent, as in DataHub.
/// </summary>
internal sealed class DeleteEntityEndpoint(MetadataWriter writer, MetadataReader reader, MetadataRegistry registry)
    : EndpointWithoutRequest
{
    public override void Configure()
    {
        Delete(OpenApiTarget.Prefix + "{entityType}/{**urn}");
        AllowAnonymous();
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var target = OpenApiTarget.From(HttpContext, registry);
        var named = target.Aspect is { } aspect
            ? [aspect]
            : target.NamedAspects(HttpContext, registry, "aspects");
        if (RestLi.Bool(HttpContext, "clear", false))
            named = (await reader.GetEntityAsync(target.Urn, [], ct))?.Aspects.Select(a => a.Spec).ToList() ?? [];

        var aspects = named.Where(a => !a.IsKey).Select(a => a.Name).Distinct().ToList();
        // Deleting the key aspect, or naming nothing, deletes the entity.
        if (named.Count == 0 || named.Any(a => a.IsKey))
            await writer.DeleteEntityAsync(target.Urn, MetadataWriter.SystemActor, ct);
        else
            await writer.ApplyAsync(
                aspects.Select(name => new Proposal(target.Entity.EntityType, target.Urn, ChangeType.Delete, name, null)).ToList(),
                i => $"aspects[{i}]", MetadataWriter.SystemActor, ct);
        await Send.OkAsync(ct);
    }
}
