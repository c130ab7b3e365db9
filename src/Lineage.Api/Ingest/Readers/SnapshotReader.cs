using System.Text.Json.Nodes;
using Lineage.Graph.Errors;
using Lineage.Graph.Registry;
using Lineage.Graph.Urns;
using Lineage.Graph.Validation;
using Lineage.Graph.Writing;

namespace Lineage.Api.Ingest.Readers;

/// <summary>
/// Reads DataHub's legacy snapshot form, the union an MCE's proposedSnapshot holds and <c>POST /entities?action=ingest</c>
/// carries: <c>{"com.linkedin.metadata.snapshot.DatasetSnapshot": {"urn": "…", "aspects": [{"&lt;aspect class&gt;": {…}}]}}</c>.
/// Each aspect becomes an UPSERT for the one write path; class names resolve through the registry (the
/// <c>com.linkedin.pegasus2avro.</c> spelling of DataHub's MCE files included) and values are validated here, so that
/// an error names the aspect by the class it was sent as.
/// </summary>
internal sealed class SnapshotReader(MetadataRegistry registry)
{
    /// <summary>The UPSERTs of one snapshot; paths in errors start at the snapshot's class key.</summary>
    public IReadOnlyList<SnapshotAspect> Read(JsonNode? union, JsonObject? systemMetadata)
    {
        if (union is not JsonObject { Count: 1 } wrapper)
            throw new ValidationException("", "expected an object with one snapshot class key, e.g. com.linkedin.metadata.snapshot.DatasetSnapshot");
        var (snapshotKey, snapshotNode) = wrapper.First();
        var entity = registry.EntityBySnapshotClass(AvroJson.ClassName(snapshotKey))
                     ?? throw new ValidationException(snapshotKey, $"unknown snapshot class; known: {string.Join(", ", KnownSnapshots())}");
        try
        {
            return ReadSnapshot(entity, snapshotNode, systemMetadata, snapshotKey);
        }
        catch (ValidationException e)
        {
            throw e.Under(snapshotKey);
        }
    }

    private List<SnapshotAspect> ReadSnapshot(EntitySpec entity, JsonNode? node, JsonObject? systemMetadata, string snapshotKey)
    {
        if (node is not JsonObject snapshot) throw new ValidationException("", "expected a snapshot object with urn and aspects");
        var urnText = snapshot["urn"] is JsonValue u && u.TryGetValue<string>(out var s)
            ? s : throw new ValidationException("urn", "required string is missing");
        var urn = Urn.Parse(urnText, "urn").MustBeOf(entity.EntityType, "urn", snapshotKey);
        if (snapshot["aspects"] is not JsonArray aspects) throw new ValidationException("aspects", "required array is missing");

        var read = new List<SnapshotAspect>(aspects.Count);
        for (var i = 0; i < aspects.Count; i++)
        {
            var path = $"aspects[{i}]";
            try
            {
                var (name, value) = ReadAspect(entity, aspects[i]);
                read.Add(new SnapshotAspect(
                    new Proposal(entity.EntityType, urn.ToString(), ChangeType.Upsert, name, value, systemMetadata?.DeepClone().AsObject()),
                    $"{snapshotKey}.{path}"));
            }
            catch (ValidationException e)
            {
                throw e.Under(path);
            }
        }
        return read;
    }

    private (string Name, JsonObject Value) ReadAspect(EntitySpec entity, JsonNode? node)
    {
        if (node is not JsonObject { Count: 1 } wrapper)
            throw new ValidationException("", "expected an object with one aspect class key, e.g. com.linkedin.common.Ownership");
        var (classKey, raw) = wrapper.First();
        var spec = registry.AspectByClass(AvroJson.ClassName(classKey))
                   ?? throw new ValidationException(classKey, $"unknown aspect class; {entity.EntityType} accepts {AcceptedClasses(entity)}");
        if (registry.AspectOf(entity.EntityType, spec.Name) is null)
            throw new ValidationException(classKey, $"{entity.EntityType} does not accept {spec.Name}; it accepts {AcceptedClasses(entity)}");

        var value = AvroJson.Normalize(spec.Schema, raw);
        try
        {
            AspectValidator.Validate(spec, value);
        }
        catch (ValidationException e) when (e.Path.StartsWith(spec.Name, StringComparison.Ordinal))
        {
            // The validator names the aspect; the client named its class.
            throw new ValidationException(classKey + e.Path[spec.Name.Length..], e.Reason);
        }
        return (spec.Name, value!.AsObject());
    }

    private string AcceptedClasses(EntitySpec entity) =>
        string.Join(", ", entity.AspectNames.Prepend(entity.Key.KeyAspectName).Select(n => registry.Aspect(n)!.SchemaClass));

    private IEnumerable<string> KnownSnapshots() =>
        registry.Entities.Select(e => e.SnapshotClass).OfType<string>().Order(StringComparer.Ordinal);
}
