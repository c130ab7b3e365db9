using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lineage.Graph.Storage.Neo4j;

/// <summary>
/// An aspect's top-level fields as Neo4j node properties: scalars and arrays of one scalar type as they are,
/// anything nested as a JSON string (Neo4j properties cannot hold maps). The exact value is kept in <c>_json</c>;
/// these are for people querying the graph with plain Cypher.
/// </summary>
internal static class AspectProperties
{
    public static JsonObject From(string json)
    {
        var properties = new JsonObject();
        if (JsonNode.Parse(json) is not JsonObject value) return properties;
        foreach (var (name, field) in value)
        {
            // Bookkeeping properties start with "_"; a field of that name would overwrite them.
            if (field is null || name.StartsWith('_')) continue;
            var property = Property(field);
            if (property is not null) properties[name] = property;
        }
        return properties;
    }

    private static JsonNode? Property(JsonNode field) => field switch
    {
        JsonValue scalar => scalar.DeepClone(),
        JsonArray { Count: 0 } => null,
        JsonArray array when HomogeneousScalars(array) => array.DeepClone(),
        _ => field.ToJsonString(),
    };

    /// <summary>Neo4j stores arrays of one primitive type only: all strings, all booleans, all integers or all fractions.</summary>
    private static bool HomogeneousScalars(JsonArray array)
    {
        string? kind = null;
        foreach (var item in array)
        {
            if (item is not JsonValue v) return false;
            var itemKind = v.GetValueKind() switch
            {
                JsonValueKind.String => "string",
                JsonValueKind.True or JsonValueKind.False => "bool",
                JsonValueKind.Number => v.TryGetValue<long>(out _) ? "long" : "double",
                _ => null,
            };
            if (itemKind is null || (kind is not null && kind != itemKind)) return false;
            kind = itemKind;
        }
        return true;
    }
}
