using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lineage.Api.Tests.Support;

/// <summary>
/// A file in DataHub's metadata file format (what its file sink writes, its file source reads, and its golden files
/// hold): a JSON array whose entries are snapshots (<c>{"proposedSnapshot": {"&lt;class&gt;": {urn, aspects}}, "systemMetadata"?}</c>)
/// and proposals (<c>{entityType, entityUrn, changeType, aspectName, aspect: {"json": {…}}, systemMetadata?}</c>, or in
/// older files <c>aspect: {"value": "&lt;the aspect as a JSON string&gt;", "contentType": "application/json"}</c>).
/// Read here as DataHub's file source reads it (Python's <c>json.load</c>: a member name given twice keeps its last
/// value); turning entries into requests is the caller's business.
/// </summary>
public sealed class DataHubFile(string name, JsonArray entries, bool avroJson = false)
{
    private const string Pegasus2Avro = "com.linkedin.pegasus2avro.";

    /// <summary>The file's name, for messages.</summary>
    public string Name { get; } = name;

    /// <summary>Every entry, in file order, each a copy.</summary>
    public IReadOnlyList<JsonObject> Entries { get; } = [.. entries.Select(e => e!.DeepClone().AsObject())];

    /// <summary>
    /// True for a file written by hand in avro JSON (bootstrap_mce.json), whose snapshot aspects DataHub's client
    /// reads with its generated classes before sending (<see cref="AvroFileValues"/>); false for a golden file, which
    /// is already what the client writes.
    /// </summary>
    public bool IsAvroJson { get; } = avroJson;

    /// <summary>Reads a golden file copied next to the test assembly, by its path below the output directory.</summary>
    public static DataHubFile Load(params string[] path) => new(path[^1], Read(path));

    /// <summary>Reads a file written by hand in avro JSON, such as DataHub's sample data.</summary>
    public static DataHubFile LoadAvroJson(params string[] path) => new(path[^1], Read(path), avroJson: true);

    /// <summary>True for a snapshot entry (an MCE), false for a proposal (an MCP).</summary>
    public static bool IsSnapshot(JsonObject entry) => entry["proposedSnapshot"] is JsonObject;

    /// <summary>A snapshot entry's class as DataHub's server spells it (com.linkedin.metadata.snapshot.X) and its {urn, aspects} record.</summary>
    public static (string SnapshotClass, JsonObject Snapshot) SnapshotOf(JsonObject entry)
    {
        var (cls, body) = entry["proposedSnapshot"]!.AsObject().Single();
        return (Rename(cls), body!.AsObject());
    }

    /// <summary>
    /// A proposal entry's aspect: <c>aspect.json</c> (an object, or a JSON patch's operations), or <c>aspect.value</c>
    /// parsed, as the file source's <c>MetadataChangeProposalWrapper.try_from_mcpc</c> parses it.
    /// </summary>
    public static JsonNode ProposalAspect(JsonObject entry) =>
        entry["aspect"]!["json"]?.DeepClone() ?? JsonNode.Parse(entry["aspect"]!["value"]!.GetValue<string>())!;

    /// <summary>
    /// What DataHub's client does to a record before sending it to a Rest.li server (<c>pre_json_transform</c>):
    /// pegasus2avro class names become com.linkedin ones, nulls are dropped, an aliased union's fieldDiscriminator becomes its key.
    /// </summary>
    public static JsonNode? PreJsonTransform(JsonNode? node) => node switch
    {
        JsonObject { Count: 1 } o when o.First().Key.StartsWith(Pegasus2Avro, StringComparison.Ordinal) =>
            new JsonObject { [Rename(o.First().Key)] = PreJsonTransform(o.First().Value) },
        JsonObject o when o["fieldDiscriminator"] is JsonValue d =>
            new JsonObject { [d.GetValue<string>()] = PreJsonTransform(o[d.GetValue<string>()]) },
        JsonObject o => new JsonObject(o.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, PreJsonTransform(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(PreJsonTransform)]),
        _ => node?.DeepClone(),
    };

    /// <summary>A pegasus2avro class name as DataHub's server spells it.</summary>
    public static string Rename(string className) =>
        className.StartsWith(Pegasus2Avro, StringComparison.Ordinal) ? "com.linkedin." + className[Pegasus2Avro.Length..] : className;

    private static JsonArray Read(string[] path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine([AppContext.BaseDirectory, .. path])));
        return AsPythonReadsIt(document.RootElement)!.AsArray();
    }

    /// <summary>The element as a tree, a member name given twice keeping its last value, as Python's json module keeps it.</summary>
    private static JsonNode? AsPythonReadsIt(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new JsonObject();
                foreach (var member in element.EnumerateObject()) members[member.Name] = AsPythonReadsIt(member.Value);
                return members;
            case JsonValueKind.Array:
                return new JsonArray([.. element.EnumerateArray().Select(AsPythonReadsIt)]);
            case JsonValueKind.Null:
                return null;
            default:
                return JsonNode.Parse(element.GetRawText());
        }
    }
}
