using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Lineage.Api.ApiDocs;

/// <summary>Groups the operations by what they are about, in the order and with the words the page shows them.</summary>
/// <remarks>
/// FastEndpoints tags by one path segment, but the routes put the meaningful segment at different depths
/// (<c>/aspects</c>, <c>/api/v1/lineage</c>, <c>/openapi/v3/entity/…</c>), so the groups are named here.
/// </remarks>
internal sealed class OperationTags : IOperationProcessor
{
    /// <summary>The groups, in the page's order.</summary>
    public static void Describe(Dictionary<string, string> tags)
    {
        tags["aspects"] = "DataHub's Rest.li aspects: write proposals (`POST /aspects?action=ingestProposal`), read one aspect, read an aspect's history.";
        tags["entities"] = "DataHub's Rest.li entities: read a whole entity, write or delete snapshots (`POST /entities?action=…`).";
        tags["relationships"] = "DataHub's Rest.li relationships: an entity's edges of given types, one way.";
        tags["openapi v3"] = "DataHub's OpenAPI v3 entity endpoints, as its Python client's OpenAPI emitter sends them.";
        tags["graphql"] = "DataHub's GraphQL: entities, search, autocomplete and lineage.";
        tags["lineage"] = "Lineage's own walks: upstream and downstream lineage, impact, and the path between two entities.";
        tags["search"] = "Full-text search with facets, and autocomplete.";
        tags["admin"] = "Access tokens and the search index; needs the admin scope.";
        tags["service"] = "Health and configuration, open to anyone.";
    }

    public bool Process(OperationProcessorContext context)
    {
        context.OperationDescription.Operation.Tags = [Of(context.OperationDescription.Path)];
        return true;
    }

    private static string Of(string path) => path switch
    {
        _ when path.StartsWith("/api/v1/admin", StringComparison.Ordinal) => "admin",
        _ when path.StartsWith("/api/v1/lineage", StringComparison.Ordinal) || path.StartsWith("/api/v1/impact", StringComparison.Ordinal) => "lineage",
        _ when path.StartsWith("/api/v1/search", StringComparison.Ordinal) || path.StartsWith("/api/v1/autocomplete", StringComparison.Ordinal) => "search",
        _ when path.StartsWith("/api/v1/history", StringComparison.Ordinal) || path.StartsWith("/aspects", StringComparison.Ordinal) => "aspects",
        _ when path.StartsWith("/entities", StringComparison.Ordinal) => "entities",
        _ when path.StartsWith("/relationships", StringComparison.Ordinal) => "relationships",
        _ when path.StartsWith("/openapi/v3", StringComparison.Ordinal) => "openapi v3",
        _ when path.StartsWith("/api/graphql", StringComparison.Ordinal) => "graphql",
        _ => "service",
    };
}
