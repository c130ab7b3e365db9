using System.Text.Json.Nodes;
using Lineage.Graph.Changes;
using Lineage.Graph.Registry;

namespace Lineage.Api.Changes;

/// <summary>
/// A change of the feed as DataHub's MetadataChangeLog (MCL) carries it, so that consumers written for DataHub's
/// Kafka topic read it unchanged: <c>entityType</c>, <c>entityUrn</c>, <c>changeType</c> (UPSERT or DELETE),
/// <c>aspectName</c>, <c>aspect</c> and <c>previousAspectValue</c> as GenericAspect (the value as JSON text with its
/// <c>contentType</c>), <c>systemMetadata</c> and <c>created</c> (time and actor); plus the feed's <c>sequence</c>.
/// A hard-deleted entity is a DELETE of its key aspect, as DataHub logs it.
/// </summary>
internal sealed class ChangeLog(MetadataRegistry registry)
{
    public JsonObject Of(ChangeRecord change)
    {
        var log = new JsonObject
        {
            ["sequence"] = change.Sequence,
            ["entityType"] = change.EntityType,
            ["entityUrn"] = change.Urn,
            ["changeType"] = change.Kind == ChangeKind.AspectUpserted ? "UPSERT" : "DELETE",
            ["aspectName"] = change.Aspect ?? registry.Entity(change.EntityType)?.Key.KeyAspectName,
        };
        if (change.Current is { } current) log["aspect"] = Generic(current);
        if (change.Previous is { } previous) log["previousAspectValue"] = Generic(previous);
        if (change.SystemMetadata is { } metadata) log["systemMetadata"] = metadata.DeepClone();
        var created = new JsonObject { ["time"] = change.At.ToUnixTimeMilliseconds() };
        if (change.Actor is { } actor) created["actor"] = actor;
        log["created"] = created;
        return log;
    }

    private static JsonObject Generic(JsonObject value) => new()
    {
        ["value"] = value.ToJsonString(),
        ["contentType"] = "application/json",
    };
}
