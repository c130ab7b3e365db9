using System.Text.Json;
using System.Text.Json.Nodes;
using Lineage.Api.Wire;
using Lineage.Graph.Errors;
using Lineage.Graph.Registry;
using Lineage.Graph.Writing;

namespace Lineage.Api.Ingest.Readers;

/// <summary>
/// Reads one entry of DataHub's metadata file format (what its <c>file</c> sink writes and its <c>file</c> source reads,
/// and what <c>GET /api/v1/export</c> writes): a snapshot <c>{"proposedSnapshot": {"&lt;class&gt;": {urn, aspects}},
/// "systemMetadata"?}</c>, or a proposal <c>{entityType, entityUrn, changeType, aspectName, aspect: {"json": {…}} or
/// {"value": "&lt;JSON text&gt;"}, systemMetadata?}</c>. A proposal whose <c>systemMetadata.version</c> is set restores that
/// version (<see cref="RestoredVersion"/>), with the time and actor of <c>systemMetadata.aspectModified</c>; so does a
/// timeseries value with <c>aspectModified</c> alone, as an export writes the values that were not the latest.
/// </summary>
internal sealed class FileEntryReader(SnapshotReader snapshots, MetadataRegistry registry)
{
    /// <summary>The system metadata members an export adds to say which version an entry is; not stored again.</summary>
    private static readonly string[] VersionMembers = ["version", "aspectCreated", "aspectModified"];

    /// <summary>The entry's writes, each with its place below the entry for error messages.</summary>
    public IReadOnlyList<SnapshotAspect> Read(JsonNode? node)
    {
        if (node is not JsonObject entry) throw new ValidationException("", "expected an object: a proposal or a proposedSnapshot");
        var systemMetadata = entry["systemMetadata"] switch
        {
            null => null,
            JsonObject o => o,
            _ => throw new ValidationException("systemMetadata", "expected an object"),
        };
        if (entry["proposedSnapshot"] is { } snapshot)
        {
            try
            {
                return [.. snapshots.Read(snapshot, systemMetadata).Select(a => a with { Path = $"proposedSnapshot.{a.Path}" })];
            }
            catch (ValidationException e)
            {
                throw e.Under("proposedSnapshot");
            }
        }
        return [new SnapshotAspect(ReadProposal(entry, systemMetadata), "")];
    }

    private Proposal ReadProposal(JsonObject entry, JsonObject? systemMetadata)
    {
        var changeType = ProposalReader.ParseChangeType(JsonBody.OptionalString(entry, "changeType", "changeType") ?? "UPSERT");
        var urn = JsonBody.OptionalString(entry, "entityUrn", "entityUrn")
                  ?? throw new ValidationException("entityUrn", "required field is missing (entityKeyAspect alone is not supported)");
        var aspectName = JsonBody.RequiredString(entry, "aspectName", "aspectName");
        var value = changeType == ChangeType.Delete ? null : ReadValue(entry, changeType, aspectName);
        var headers = JsonBody.OptionalObject(entry, "headers", "headers");
        var restore = Restored(systemMetadata, registry.Aspect(aspectName) is { IsTimeseries: true });
        var kept = systemMetadata?.DeepClone().AsObject();
        if (restore is not null) foreach (var member in VersionMembers) kept!.Remove(member);
        return new Proposal(JsonBody.OptionalString(entry, "entityType", "entityType"), urn, changeType, aspectName, value, kept,
            ProposalReader.IfVersionMatch(headers is null ? null : JsonBody.OptionalString(headers, "If-Version-Match", "headers.If-Version-Match")))
        {
            Restore = restore,
        };
    }

    /// <summary><c>aspect.json</c> as the file holds it (avro JSON read as DataHub's client reads it), or <c>aspect.value</c> parsed.</summary>
    private JsonNode ReadValue(JsonObject entry, ChangeType changeType, string aspectName)
    {
        var aspect = JsonBody.OptionalObject(entry, "aspect", "aspect")
                     ?? throw new ValidationException("aspect", $"required for {changeType.ToString().ToUpperInvariant()}");
        var value = aspect["json"]?.DeepClone() ?? ParseText(aspect);
        if (changeType == ChangeType.Patch || registry.Aspect(aspectName) is not { } spec) return value;
        return AvroJson.Normalize(spec.Schema, value) ?? value;
    }

    private static JsonNode ParseText(JsonObject aspect)
    {
        var text = JsonBody.OptionalString(aspect, "value", "aspect.value")
                   ?? throw new ValidationException("aspect", "expected aspect.json (an object) or aspect.value (its JSON text)");
        try
        {
            return JsonNode.Parse(text) ?? throw new ValidationException("aspect.value", "the aspect is null");
        }
        catch (JsonException e)
        {
            throw new ValidationException("aspect.value", $"not valid JSON (byte {e.BytePositionInLine + 1})");
        }
    }

    /// <summary>
    /// The version an export recorded: its <c>version</c>, or for a timeseries value (which has none unless it was the
    /// latest) its <c>aspectModified</c> alone; null for an entry an export did not write.
    /// </summary>
    private static RestoredVersion? Restored(JsonObject? systemMetadata, bool timeseries)
    {
        var version = systemMetadata?["version"];
        if (version is null && !(timeseries && systemMetadata?["aspectModified"] is not null)) return null;
        long? revision = version is null ? null
            : version is JsonValue v && (v.TryGetValue<string>(out var text) && long.TryParse(text, out var parsed)
                                         || v.TryGetValue<long>(out parsed)) && parsed > 0
            ? parsed
            : throw new ValidationException("systemMetadata.version", $"expected a version number of 1 or more, got {version.ToJsonString()}");
        var modified = systemMetadata!["aspectModified"] switch
        {
            null => null,
            JsonObject o => o,
            _ => throw new ValidationException("systemMetadata.aspectModified", "expected an AuditStamp {time, actor}"),
        };
        var time = modified?["time"] switch
        {
            null => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            JsonValue t when t.TryGetValue<long>(out var ms) && ms >= 0 => ms,
            _ => throw new ValidationException("systemMetadata.aspectModified.time", "expected milliseconds since 1970"),
        };
        var actor = modified is null ? null : JsonBody.OptionalString(modified, "actor", "systemMetadata.aspectModified.actor");
        if (actor is not null) Lineage.Graph.Urns.Urn.Parse(actor, "systemMetadata.aspectModified.actor");
        return new RestoredVersion(revision, time, actor ?? MetadataWriter.SystemActor);
    }
}
