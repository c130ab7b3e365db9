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
                proposals.Add((ReadAspect(node, urn, aspect, changeType, $"{path}.{name}"), path));
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
            ProposalReader.IfVersionMatch(ifVersionMatch));
    }

    /// <summary>
    /// DataHub's generic patch, <c>{"patch": [RFC 6902 operations]}</c> (or the bare array). Its keyed-array paths
    /// (<c>arrayPrimaryKeys</c>) are not supported, and say so rather than patch the wrong element.
    /// </summary>
    private static JsonNode PatchOperations(JsonNode value, string path)
    {
        if (value is JsonArray bare) return bare;
        if (value is not JsonObject patch || patch["patch"] is not JsonArray operations)
            throw new ValidationException($"{path}.patch", "required array of JSON Patch operations is missing");
        if (patch["arrayPrimaryKeys"] is JsonObject keys && keys.Count > 0)
            throw new ValidationException($"{path}.arrayPrimaryKeys", "keyed-array patches are not supported; send RFC 6902 operations with array indexes");
        return operations;
    }
}
