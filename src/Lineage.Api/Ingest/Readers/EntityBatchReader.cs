using System.Text.Json.Nodes;
using Lineage.Api.Ingest;
using Lineage.Api.Wire;
using Lineage.Graph.Errors;
using Lineage.Graph.Registry;
using Lineage.Graph.Urns;
using Lineage.Graph.Writing;

namespace Lineage.Api.Ingest.Readers;

/// <summary>
/// Lifts OpenAPI v3 entity writes out of their wire form: an array of <c>{"urn", "&lt;aspectName&gt;": {"value",
/// "systemMetadata"?, "headers"?}}</c>, one proposal per aspect, in order; the same urn may appear several times.
/// </summary>
internal static class EntityBatchReader
{
    /// <summary>One proposal per aspect, each with the path of its entity in the body (<c>[3]</c>) for error messages.</summary>
    public static IReadOnlyList<(Proposal Proposal, string Path)> Read(
        JsonNode body, EntitySpec entity, ChangeType changeType, MetadataRegistry registry)
    {
        if (body is not JsonArray items) throw new ValidationException("body", "expected a JSON array of {\"urn\", <aspectName>: {\"value\"}} objects");
        var proposals = new List<(Proposal, string)>();
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"[{i}]";
            if (items[i] is not JsonObject item) throw new ValidationException(path, "expected an object with a urn and its aspects");
            var urn = Urn.Parse(JsonBody.RequiredString(item, "urn", $"{path}.urn"), $"{path}.urn")
                .MustBeOf(entity.EntityType, $"{path}.urn", OpenApiTarget.PathNaming(entity));
            foreach (var (name, node) in item)
            {
                if (name == "urn") continue;
                var aspect = OpenApiTarget.AspectName(name, entity, registry)
                             ?? throw new ValidationException($"{path}.{name}", $"is not an aspect of {entity.EntityType}");
                proposals.Add((ReadAspect(node, urn, aspect, changeType, $"{path}.{name}") with { ValuePath = $"{name}.value" }, path));
            }
        }
        return proposals.Count > 0 ? proposals : throw new ValidationException("body", "names no aspect to write");
    }

    /// <summary>The body of a single-aspect write: <c>{"value", "systemMetadata"?, "headers"?}</c>.</summary>
    public static Proposal ReadAspect(JsonNode? node, Urn urn, AspectSpec aspect, ChangeType changeType, string path)
    {
        if (node is not JsonObject item) throw new ValidationException(path, "expected {\"value\": {…}}");
        var value = item["value"] ?? throw new ValidationException($"{path}.value", "required field is missing");
        if (changeType == ChangeType.Patch) value = PatchOperations(value, $"{path}.value");
        // DataHub's emitter sends "systemMetadata": null when it has none.
        var systemMetadata = item["systemMetadata"] switch
        {
            null => null,
            JsonObject o => o.DeepClone().AsObject(),
            _ => throw new ValidationException($"{path}.systemMetadata", "expected an object"),
        };
        var headers = item["headers"] switch
        {
            null => null,
            JsonObject o => o,
            _ => throw new ValidationException($"{path}.headers", "expected an object of strings"),
        };
        var ifVersionMatch = headers is null ? null : JsonBody.OptionalString(headers, "If-Version-Match", $"{path}.headers.If-Version-Match");
        return new Proposal(urn.EntityType, urn.ToString(), changeType, aspect.Name, value.DeepClone(), systemMetadata,
            ProposalReader.IfVersionMatch(ifVersionMatch)) { ValuePath = "value" };
    }

    /// <summary>
    /// DataHub's patch value: the bare RFC 6902 array or the envelope <c>{"patch": [...], "arrayPrimaryKeys": {...},
    /// "forceGenericPatch": bool}</c>, passed on whole; the writer reads it (<see cref="Lineage.Graph.Writing.Patch.KeyedPatch"/>).
    /// </summary>
    private static JsonNode PatchOperations(JsonNode value, string path) =>
        value is JsonArray || value is JsonObject { } o && o["patch"] is JsonArray
            ? value
            : throw new ValidationException($"{path}.patch", "required array of JSON Patch operations is missing");
}
