using Lineage.Api.Ingest.Readers;
using Lineage.Api.Wire;
using Lineage.Graph.Registry;
using Lineage.Graph.Writing;

namespace Lineage.Api.Ingest.OpenApiEntities;

/// <summary>
/// <c>POST|PATCH /openapi/v3/entity/{entityType}?systemMetadata=&amp;async=</c> with
/// <c>[{"urn", "&lt;aspectName&gt;": {"value", …}}, …]</c>: one proposal per aspect, each with its entity's path in the body.
/// </summary>
internal sealed record OpenApiEntitiesRequest(
    IReadOnlyList<(Proposal Proposal, string Path)> Items, ChangeType ChangeType, bool WithSystemMetadata, bool Async)
    : IWireRequest<OpenApiEntitiesRequest>
{
    public static async ValueTask<OpenApiEntitiesRequest> ReadAsync(HttpContext context, CancellationToken ct)
    {
        var registry = context.RequestServices.GetRequiredService<MetadataRegistry>();
        var entity = OpenApiTarget.EntityType(context.Request.RouteValues["entityType"]?.ToString() ?? "", registry);
        var changeType = HttpMethods.IsPatch(context.Request.Method) ? ChangeType.Patch : ChangeType.Upsert;
        var withSystemMetadata = RestLi.Bool(context, "systemMetadata", false);
        var async = RestLi.Bool(context, "async", true);
        var body = await JsonBody.ReadAsync(context.Request, ct);
        return new(EntityBatchReader.Read(body, entity, changeType, registry), changeType, withSystemMetadata, async);
    }
}
