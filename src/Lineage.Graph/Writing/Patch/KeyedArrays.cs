using System.Text.Json.Nodes;
using Lineage.Graph.Errors;

namespace Lineage.Graph.Writing.Patch;

/// <summary>
/// DataHub's <c>ArrayMergingTemplate</c>: a keyed array to nested maps (one level per key field, a missing key
/// is <c>""</c>) and back in insertion order, restoring a key that lived only in the path.
/// </summary>
internal static class KeyedArrays
{
    public static void ToMap(JsonObject container, KeyedArray spec)
    {
        if (Parent(container, spec.Path) is not { } parent) return;
        var field = spec.Path[^1];
        var map = new JsonObject();
        if (parent[field] is JsonArray elements)
        {
            for (var i = 0; i < elements.Count; i++)
            {
                var element = elements[i]?.DeepClone();
                if (spec.Keys.Count == 0)
                {
                    map[element is JsonValue v ? v.ToString() : ""] = element;
                    continue;
                }
                if (element is not JsonObject item) throw new ValidationException($"{field}[{i}]", "expected an object");
                foreach (var nested in spec.Nested ?? []) ToMap(item, nested);
                var leaf = map;
                foreach (var key in spec.Keys) leaf = Child(leaf, KeyOf(item, key));
                foreach (var name in item.Select(p => p.Key).ToList())
                {
                    var property = item[name];
                    item.Remove(name);
                    leaf[name] = property;
                }
            }
        }
        parent[field] = map;
    }

    public static void ToArray(JsonObject container, KeyedArray spec)
    {
        if (Parent(container, spec.Path) is not { } parent) return;
        var field = spec.Path[^1];
        var array = parent[field] switch
        {
            JsonArray kept => kept, // an add or replace of the whole array
            JsonObject map when spec.Keys.Count == 0 => new JsonArray(map.Select(p => p.Value?.DeepClone()).ToArray()), // strings keyed by themselves
            JsonObject map => new JsonArray(Merge(map, spec.Keys).ToArray()),
            _ => [],
        };
        parent[field] = array;
        foreach (var element in array.OfType<JsonObject>())
        foreach (var nested in spec.Nested ?? [])
            ToArray(element, nested);
    }

    private static IEnumerable<JsonNode?> Merge(JsonNode? node, IReadOnlyList<string> keys)
    {
        if (keys.Count == 0)
        {
            if (node is JsonArray values) return values.Select(v => v?.DeepClone()).ToList();
            return [node?.DeepClone()];
        }
        var rest = keys.Skip(1).ToList();
        var merged = new List<JsonNode?>();
        switch (node)
        {
            case JsonObject map:
                foreach (var (key, child) in map)
                {
                    var elements = Merge(child, rest).ToList();
                    // A key given only in the path (an add of {} at /owners/<owner>/<type>) is put back on the element.
                    if (key.Length > 0 && !keys[0].Contains(KeyedArray.UnitSeparator))
                        foreach (var element in elements.OfType<JsonObject>().Where(e => !e.ContainsKey(keys[0])))
                            element[keys[0]] = key;
                    merged.AddRange(elements);
                }
                break;
            case JsonArray array:
                foreach (var element in array) merged.AddRange(Merge(element, rest));
                break;
        }
        return merged;
    }

    /// <summary>An element's value for one key field (<c>attribution␟source</c> reads a nested field), <c>""</c> when absent.</summary>
    public static string KeyOf(JsonObject item, string key)
    {
        JsonNode? node = item;
        foreach (var part in key.Split(KeyedArray.UnitSeparator)) node = node is JsonObject o ? o[part] : null;
        return node is JsonValue v ? v.ToString() : "";
    }

    private static JsonObject? Parent(JsonObject container, IReadOnlyList<string> path)
    {
        var parent = container;
        foreach (var segment in path.Take(path.Count - 1))
            if (parent[segment] is JsonObject next) parent = next;
            else return null;
        return parent;
    }

    private static JsonObject Child(JsonObject parent, string key)
    {
        if (parent[key] is JsonObject child) return child;
        child = [];
        parent[key] = child;
        return child;
    }
}
