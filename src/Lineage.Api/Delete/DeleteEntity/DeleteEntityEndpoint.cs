using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Api.Wire;
using Lineage.Graph.Errors;
using Lineage.Graph.Storage;
using Lineage.Graph.Writing;

namespace Lineage.Api.Delete.DeleteEntity;

/// <summary>
/// <c>POST /entities?action=delete</c>: hard-deletes an entity (its aspects, their history and its outgoing edges);
/// soft delete is a <c>status</c> UPSERT.
/// </summary>
internal sealed class DeleteEntityEndpoint(MetadataWriter writer) : Endpoint<DeleteEntityRequest>
{
    private static readonly RestLiAction Action = new("/entities", "delete");

    public override void Configure()
    {
        Post(Action.Registration);
        Options(Action.Bind);
        Scopes(Scope.Write);
        RequestBinder(new WireBinder<DeleteEntityRequest>());
    }

    public override async Task HandleAsync(DeleteEntityRequest req, CancellationToken ct)
    {
        var outcome = await writer.DeleteEntityAsync(req.Urn, MetadataWriter.SystemActor, ct);
        if (outcome.Effect == WriteEffect.Skipped) throw new NotFoundException($"entity {req.Urn} not found");
        await Send.OkAsync(new { value = new { urn = req.Urn, deleted = true } }, ct);
    }
}
