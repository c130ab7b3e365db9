using System.Text.Json.Nodes;
using Lineage.Graph.Writing;

namespace Lineage.Api.OpenLineage.Mapping;

/// <summary>
/// The JSON Patch <c>add</c> operations one event makes to one aspect, keyed as DataHub's templates key the aspect's
/// arrays (<c>/inputDatasetEdges/&lt;urn&gt;</c>, <c>/customProperties/&lt;key&gt;</c>). Adding by key is what makes
/// events commute: each adds what it knows, whatever arrived before it, and adding the same again changes nothing.
/// </summary>
internal sealed class AspectPatch(string urn, string aspect)
{
    private readonly JsonArray _operations = [];

    public AspectPatch Add(JsonNode? value, params string[] path)
    {
        _operations.Add(new JsonObject
        {
            ["op"] = "add",
            ["path"] = "/" + string.Join("/", path.Select(Escape)),
            ["value"] = value?.DeepClone(),
        });
        return this;
    }

    public AspectPatch AddProperties(IEnumerable<KeyValuePair<string, string>> properties)
    {
        foreach (var (key, value) in properties) Add(value, "customProperties", key);
        return this;
    }

    public bool IsEmpty => _operations.Count == 0;

    public Proposal ToProposal() => new(null, urn, ChangeType.Patch, aspect, _operations);

    // RFC 6901: "~" and "/" inside a key.
    private static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
