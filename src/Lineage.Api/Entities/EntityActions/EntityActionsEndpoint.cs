using FastEndpoints;
using Lineage.Api.Wire;
using Lineage.Graph.Errors;
using Lineage.Graph.Storage;
using Lineage.Graph.Writing;
using Lineage.Graph.Writing.Snapshots;

namespace Lineage.Api.Entities.EntityActions;

/// <summary>
/// <c>POST /entities?action=…</c>: <c>delete</c> with <c>{"urn": …}</c> hard-deletes an entity (soft delete is a status
/// UPSERT); <c>ingest</c> and <c>batchIngest</c> take DataHub's snapshots (what its REST sink sends for MCE files such
/// as the quickstart sample data), each aspect an UPSERT, the whole request one all-or-nothing batch.
/// </summary>
internal sealed class EntityActionsEndpoint(MetadataWriter writer, SnapshotReader snapshots) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Post("/entities");
        AllowAnonymous();
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var action = RestLi.Required(HttpContext, "action");
        if (action is not ("delete" or "ingest" or "batchIngest"))
            throw new ValidationException("action", $"'{action}' is not an action of /entities; use ingest, batchIngest or delete");
        var body = await JsonBody.ReadObjectAsync(HttpContext.Request, ct);
        if (action == "delete")
        {
            var urn = JsonBody.RequiredString(body, "urn", "urn");
            var outcome = await writer.DeleteEntityAsync(urn, MetadataWriter.SystemActor, ct);
            if (outcome.Effect == WriteEffect.Skipped) throw new NotFoundException($"entity {urn} not found");
            await Send.OkAsync(new { value = new { urn, deleted = true } }, ct);
            return;
        }

        var aspects = SnapshotBody.Read(snapshots, body, batch: action == "batchIngest");
        await writer.ApplyAsync(SnapshotBody.Proposals(aspects), i => aspects[i].Path, MetadataWriter.SystemActor, ct);
        // Rest.li answers a void action with 200 and no body; DataHub's emitter reads only the status.
        await Send.OkAsync(ct);
    }
}
