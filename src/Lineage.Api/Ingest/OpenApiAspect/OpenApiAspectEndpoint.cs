using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Api.Wire;
using Lineage.Graph.Writing;

namespace Lineage.Api.Ingest.OpenApiAspect;

/// <summary>
/// <c>POST /openapi/v3/entity/{entityType}/{urn}/{aspectName}</c>: one aspect; <c>createIfNotExists</c> /
/// <c>createIfEntityNotExists</c> make it a CREATE / CREATE_ENTITY.
/// </summary>
internal sealed class OpenApiAspectEndpoint(MetadataWriter writer) : Endpoint<OpenApiAspectRequest>
{
    public override void Configure()
    {
        Post(OpenApiTarget.Prefix + "{entityType}/{**urn}");
        Scopes(Scope.Write);
        RequestBinder(new WireBinder<OpenApiAspectRequest>());
    }

    public override async Task HandleAsync(OpenApiAspectRequest req, CancellationToken ct)
    {
        var proposal = req.Proposal;
        await writer.ApplyAsync([proposal], _ => "body", MetadataWriter.SystemActor, ct);
        var written = new GenericEntityWire.Item(proposal.EntityUrn, proposal.AspectName, proposal.Value!, proposal.SystemMetadata);
        // DataHub defaults to async; Lineage writes before it answers either way, and says 202 only when asked to be async.
        await Send.ResponseAsync(GenericEntityWire.Entities([written], req.WithSystemMetadata)[0]!, req.Async ? 202 : 200, ct);
    }
}
