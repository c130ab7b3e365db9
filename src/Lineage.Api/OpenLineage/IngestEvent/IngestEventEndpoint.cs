using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Api.OpenLineage.Mapping;
using Lineage.Api.Wire;
using Lineage.Graph.Writing;

namespace Lineage.Api.OpenLineage.IngestEvent;

/// <summary>
/// <c>POST /api/v1/lineage</c> (Marquez's path, and the OpenLineage HTTP transport's default) and
/// <c>POST /openapi/openlineage/api/v1/lineage</c> (DataHub's): one OpenLineage event, recorded through the one write
/// path as one batch. The answer names the entities the event wrote.
/// </summary>
internal sealed class IngestEventEndpoint(EventMapper mapper, MetadataWriter writer) : Endpoint<IngestEventRequest, IngestEventResponse>
{
    public override void Configure()
    {
        Post("/api/v1/lineage", "/openapi/openlineage/api/v1/lineage");
        Scopes(Scope.Write);
        RequestBinder(new WireBinder<IngestEventRequest>());
    }

    public override async Task HandleAsync(IngestEventRequest req, CancellationToken ct)
    {
        var proposals = await mapper.MapAsync(req.Event, ct);
        await writer.ApplyAsync(proposals, i => $"event (as {proposals[i].AspectName} of {proposals[i].EntityUrn})", MetadataWriter.SystemActor, ct);
        await Send.OkAsync(new IngestEventResponse([.. proposals.Select(p => p.EntityUrn).Distinct()]), ct);
    }
}

/// <summary>What an OpenLineage event wrote: the urns of the entities it touched, in the order it wrote them.</summary>
internal sealed record IngestEventResponse(IReadOnlyList<string> Entities);
