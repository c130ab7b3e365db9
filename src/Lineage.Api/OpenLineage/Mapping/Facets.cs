using System.Globalization;
using System.Text.Json.Nodes;

namespace Lineage.Api.OpenLineage.Mapping;

/// <summary>Reading facets: their strings, DataHub's flattened custom properties, and the raw form of the others.</summary>
internal static class Facets
{
    /// <summary>A raw facet larger than this is recorded by its size only, so that no facet can make an event too big to keep.</summary>
    private const int RawLimit = 16 * 1024;

    public static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>A leaf as a custom property's text: strings as they are, other values as JSON.</summary>
    public static string Leaf(JsonNode? node) => Text(node) ?? node?.ToJsonString() ?? "null";

    /// <summary>
    /// DataHub's <c>forEachValue</c>: every leaf of a nested object as a custom property named by its own key (nested
    /// keys are not prefixed, so a later leaf of the same name wins, as in DataHub).
    /// </summary>
    public static void Flatten(JsonNode? node, IDictionary<string, string> into)
    {
        if (node is not JsonObject o) return;
        foreach (var (key, value) in o)
        {
            if (value is JsonObject nested) Flatten(nested, into);
            else if (value is not null) into[key] = Leaf(value);
        }
    }

    /// <summary>A facet kept as it was sent, under <c>openlineage.&lt;name&gt;</c>, or by its size when it is too large.</summary>
    public static KeyValuePair<string, string> Raw(string name, JsonNode? facet)
    {
        var json = facet?.ToJsonString() ?? "null";
        return KeyValuePair.Create($"openlineage.{name}", json.Length <= RawLimit
            ? json
            : string.Create(CultureInfo.InvariantCulture, $"(a facet of {json.Length} characters, larger than the {RawLimit} kept)"));
    }
}
