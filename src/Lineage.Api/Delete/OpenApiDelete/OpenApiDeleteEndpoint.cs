using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Api.Wire;
using Lineage.Graph.Reading;
using Lineage.Graph.Writing;

namespace Lineage.Api.Delete.OpenApiDelete;

/// <summary>
/// <c>DELETE /openapi/v3/entity/{entityType}/{urn}[/{aspectName}]</c>: the whole entity, the aspects named, or every
/// aspect but the key. Idempotent, as in DataHub.
/// </summary>
internal sealed class OpenApiDeleteEndpoint(MetadataWriter writer, MetadataReader reader) : Endpoint<OpenApiDeleteRequest>
{
    public override void Configure()
    {
        Delete(OpenApiTarget.Prefix + "{entityType}/{**urn}");
        Scopes(Scope.Write);
        RequestBinder(new WireBinder<OpenApiDeleteRequest>());
    }

    public override async Task HandleAsync(OpenApiDeleteRequest req, CancellationToken ct)
    {
        var target = req.Target;
        var named = req.Clear
            ? (await reader.GetEntityAsync(target.Urn, [], ct))?.Aspects.Select(a => a.Spec).ToList() ?? []
            : req.Named;
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
