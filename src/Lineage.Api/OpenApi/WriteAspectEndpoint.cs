using FastEndpoints;
using Lineage.Api.Wire;
using Lineage.Graph.Errors;
using Lineage.Graph.Registry;
using Lineage.Graph.Urns;
using Lineage.Graph.Writing;

namespace Lineage.Api.OpenApi;

/// <summary>
/// <c>POST /openapi/v3/entity/{entityType}/{urn}/{aspectName}</c> with <c>{"value", "systemMetadata"?, "headers"?}</c>:
/// one aspect; <c>createIfNotExists</c> / <c>createIfEntityNotExists</c> make it a CREATE / CREATE_ENTITY.
/// </summary>
internal sealed class WriteAspectEndpoint(MetadataWriter writer, MetadataRegistry registry) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Post(OpenApiTarget.Prefix + "{entityType}/{**urn}");
        AllowAnonymous();
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var target = OpenApiTarget.From(HttpContext, registry);
        var spec = target.Aspect ?? throw new ValidationException("aspectName", "the path must end in the name of the aspect to write");
        var changeType = RestLi.Bool(HttpContext, "createIfEntityNotExists", false) ? ChangeType.CreateEntity
            : RestLi.Bool(HttpContext, "createIfNotExists", false) ? ChangeType.Create
            : ChangeType.Upsert;
        var withSystemMetadata = RestLi.Bool(HttpContext, "systemMetadata", false);
        var async = RestLi.Bool(HttpContext, "async", true);
        var body = await JsonBody.ReadAsync(HttpContext.Request, ct);

        var proposal = EntityBatchReader.ReadAspect(body, Urn.Parse(target.Urn), spec, changeType, "body");
        await writer.ApplyAsync([proposal], _ => "body", MetadataWriter.SystemActor, ct);
        var written = new GenericEntityWire.Item(proposal.EntityUrn, spec.Name, proposal.Value!, proposal.SystemMetadata);
        await Send.ResponseAsync(GenericEntityWire.Entities([written], withSystemMetadata)[0]!, async ? 202 : 200, ct);
    }
}
