using FastEndpoints;
using Lineage.Api.Wire;
using Lineage.Graph.Errors;
using Lineage.Graph.Storage;
using Lineage.Graph.Writing;

namespace Lineage.Api.Entities.EntityActions;

/// <summary><c>POST /entities?action=delete</c> with <c>{"urn": …}</c>: hard-deletes an entity (soft delete is a status UPSERT).</summary>
internal sealed class EntityActionsEndpoint(MetadataWriter writer) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Post("/entities");
        AllowAnonymous();
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var action = RestLi.Required(HttpContext, "action");
        if (action != "delete")
            throw new ValidationException("action", $"'{action}' is not an action of /entities; use delete");
        var body = await JsonBody.ReadObjectAsync(HttpContext.Request, ct);
        var urn = JsonBody.RequiredString(body, "urn", "urn");
        var outcome = await writer.DeleteEntityAsync(urn, MetadataWriter.SystemActor, ct);
        if (outcome.Effect == WriteEffect.Skipped) throw new NotFoundException($"entity {urn} not found");
        await Send.OkAsync(new { value = new { urn, deleted = true } }, ct);
    }
}
