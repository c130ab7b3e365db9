using Lineage.Api.Ingest.Readers;
using Lineage.Api.Wire;
using Lineage.Graph.Errors;
using Lineage.Graph.Registry;
using Lineage.Graph.Urns;
using Lineage.Graph.Writing;

namespace Lineage.Api.Ingest.OpenApiAspect;

/// <summary>
/// <c>POST /openapi/v3/entity/{entityType}/{urn}/{aspectName}?createIfNotExists=&amp;createIfEntityNotExists=&amp;systemMetadata=&amp;async=</c>
/// with <c>{"value", "systemMetadata"?, "headers"?}</c>: one aspect as one proposal.
/// </summary>
internal sealed record OpenApiAspectRequest(Proposal Proposal, bool WithSystemMetadata, bool Async) : IWireRequest<OpenApiAspectRequest>
{
    public static async ValueTask<OpenApiAspectRequest> ReadAsync(HttpContext context, CancellationToken ct)
    {
        var target = OpenApiTarget.From(context, context.RequestServices.GetRequiredService<MetadataRegistry>());
        var spec = target.Aspect ?? throw new ValidationException("aspectName", "the path must end in the name of the aspect to write");
        var changeType = RestLi.Bool(context, "createIfEntityNotExists", false) ? ChangeType.CreateEntity
            : RestLi.Bool(context, "createIfNotExists", false) ? ChangeType.Create
            : ChangeType.Upsert;
        var withSystemMetadata = RestLi.Bool(context, "systemMetadata", false);
        var async = RestLi.Bool(context, "async", true);
        var body = await JsonBody.ReadAsync(context.Request, ct);
        return new(EntityBatchReader.ReadAspect(body, Urn.Parse(target.Urn), spec, changeType, "body"), withSystemMetadata, async);
    }
}
