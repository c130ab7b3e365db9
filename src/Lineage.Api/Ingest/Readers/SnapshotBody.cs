using System.Text.Json.Nodes;
using Lineage.Api.Wire;
using Lineage.Graph.Errors;
using Lineage.Graph.Writing;

namespace Lineage.Api.Ingest.Readers;

/// <summary>
/// The bodies of DataHub's snapshot actions, as its REST emitter sends them:
/// <c>ingest</c> <c>{"entity": {"value": {&lt;snapshot union&gt;}}, "systemMetadata": {…}}</c> and
/// <c>batchIngest</c> <c>{"entities": [{"value": …}, …], "systemMetadata": [{…}, …]}</c> (the list optional, else one per entity).
/// </summary>
internal static class SnapshotBody
{
    /// <summary>Every aspect of every snapshot in the body, each with its path for error messages.</summary>
    public static IReadOnlyList<SnapshotAspect> Read(SnapshotReader reader, JsonObject body, bool batch)
    {
        if (!batch)
            return ReadEntity(reader, body["entity"], JsonBody.OptionalObject(body, "systemMetadata", "systemMetadata"), "entity");

        if (body["entities"] is not JsonArray entities) throw new ValidationException("entities", "required array is missing");
        var metadata = body["systemMetadata"] switch
        {
            null => null,
            JsonArray list when list.Count == entities.Count => list,
            JsonArray list => throw new ValidationException("systemMetadata",
                $"has {list.Count} entries for {entities.Count} entities; entities and systemMetadata length must match"),
            _ => throw new ValidationException("systemMetadata", "expected an array, one entry per entity"),
        };
        var aspects = new List<SnapshotAspect>();
        for (var i = 0; i < entities.Count; i++)
        {
            var entry = metadata?[i] switch
            {
                null => null,
                JsonObject o => o,
                _ => throw new ValidationException($"systemMetadata[{i}]", "expected an object"),
            };
            aspects.AddRange(ReadEntity(reader, entities[i], entry, $"entities[{i}]"));
        }
        return aspects;
    }

    private static IReadOnlyList<SnapshotAspect> ReadEntity(SnapshotReader reader, JsonNode? entity, JsonObject? systemMetadata, string path)
    {
        if (entity is not JsonObject { } record || record["value"] is not { } value)
            throw new ValidationException($"{path}.value", "required snapshot union is missing");
        try
        {
            return reader.Read(value, systemMetadata)
                .Select(a => a with { Path = $"{path}.value.{a.Path}" }).ToList();
        }
        catch (ValidationException e)
        {
            throw e.Under($"{path}.value");
        }
    }

    /// <summary>The proposals in order, for the write path.</summary>
    public static IReadOnlyList<Proposal> Proposals(IReadOnlyList<SnapshotAspect> aspects) => aspects.Select(a => a.Proposal).ToList();
}
