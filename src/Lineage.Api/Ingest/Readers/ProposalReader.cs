using System.Text.Json;
using System.Text.Json.Nodes;
using Lineage.Api.Wire;
using Lineage.Graph.Errors;
using Lineage.Graph.Writing;

namespace Lineage.Api.Ingest.Readers;

/// <summary>
/// Lifts a Rest.li MetadataChangeProposal out of its wire form: <c>aspect.value</c> is the aspect serialised a
/// second time as a JSON string, which is parsed here, never compared as text.
/// </summary>
internal static class ProposalReader
{
    /// <summary>The proposal at <paramref name="path"/> of a body (<c>proposal</c>, <c>proposals[3]</c>); errors name it.</summary>
    public static Proposal ReadAt(JsonNode? node, string path, HttpRequest request)
    {
        try
        {
            return Read(node, request.Headers["If-Version-Match"].FirstOrDefault());
        }
        catch (ValidationException e)
        {
            throw e.Under(path);
        }
    }

    public static Proposal Read(JsonNode? node, string? ifVersionMatchHeader)
    {
        if (node is not JsonObject proposal) throw new ValidationException("", "expected a proposal object");
        var changeType = ParseChangeType(JsonBody.RequiredString(proposal, "changeType", "changeType"));
        var urn = JsonBody.OptionalString(proposal, "entityUrn", "entityUrn")
                  ?? throw new ValidationException("entityUrn", "required field is missing (entityKeyAspect alone is not supported)");
        var aspectName = JsonBody.RequiredString(proposal, "aspectName", "aspectName");
        var value = changeType == ChangeType.Delete ? null : ReadValue(proposal, changeType);
        var headers = JsonBody.OptionalObject(proposal, "headers", "headers");
        var ifVersionMatch = IfVersionMatch(headers is null ? null : JsonBody.OptionalString(headers, "If-Version-Match", "headers.If-Version-Match"))
                             ?? IfVersionMatch(ifVersionMatchHeader);
        return new Proposal(
            JsonBody.OptionalString(proposal, "entityType", "entityType"), urn, changeType, aspectName, value,
            JsonBody.OptionalObject(proposal, "systemMetadata", "systemMetadata")?.DeepClone().AsObject(), ifVersionMatch);
    }

    private static JsonNode ReadValue(JsonObject proposal, ChangeType changeType)
    {
        var aspect = JsonBody.OptionalObject(proposal, "aspect", "aspect")
                     ?? throw new ValidationException("aspect", $"required for {changeType.ToString().ToUpperInvariant()}");
        var contentType = JsonBody.OptionalString(aspect, "contentType", "aspect.contentType") ?? "application/json";
        if (contentType is not ("application/json" or "application/json-patch+json"))
            throw new ValidationException("aspect.contentType", $"'{contentType}' is not supported; use application/json");
        var text = JsonBody.RequiredString(aspect, "value", "aspect.value");
        try
        {
            return JsonNode.Parse(text) ?? throw new ValidationException("aspect.value", "the aspect is null");
        }
        catch (JsonException e)
        {
            throw new ValidationException("aspect.value", $"not valid JSON (byte {e.BytePositionInLine + 1})");
        }
    }

    public static ChangeType ParseChangeType(string text) => text switch
    {
        "UPSERT" => ChangeType.Upsert,
        "CREATE" => ChangeType.Create,
        "CREATE_ENTITY" => ChangeType.CreateEntity,
        "DELETE" => ChangeType.Delete,
        "PATCH" => ChangeType.Patch,
        _ => throw new ValidationException("changeType", $"'{text}' is not supported; use UPSERT, CREATE, CREATE_ENTITY, DELETE or PATCH"),
    };

    /// <summary>The revision an If-Version-Match header or proposal header names, or null; anything else is a 400.</summary>
    public static long? IfVersionMatch(string? text) =>
        text is null ? null
        : long.TryParse(text, out var revision) && revision >= 0 ? revision
        : throw new ValidationException("If-Version-Match", $"'{text}' is not a version number");
}
