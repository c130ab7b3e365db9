using System.Text.Json.Nodes;
using Lineage.Graph.Errors;

namespace Lineage.Graph.Writing;

/// <summary>
/// RFC 6902 JSON Patch over <see cref="JsonNode"/>: add, remove, replace, move, copy and test, applied to a copy,
/// so a failing operation leaves nothing half-patched. Errors name the operation (<c>[2].path</c>) and why.
/// </summary>
public static class JsonPatch
{
    public static JsonObject Apply(JsonObject document, JsonNode? operations)
    {
        if (operations is not JsonArray ops)
            throw new ValidationException("", "a PATCH value must be an array of JSON Patch operations");
        JsonNode root = document.DeepClone();
        for (var i = 0; i < ops.Count; i++)
        {
            if (ops[i] is not JsonObject op) throw new ValidationException($"[{i}]", "expected a JSON Patch operation object");
            root = ApplyOne(root, op, i);
        }
        return root as JsonObject ?? throw new ValidationException("", "the patched aspect is no longer an object");
    }

    private static JsonNode ApplyOne(JsonNode root, JsonObject op, int i)
    {
        var name = Text(op, "op", i);
        var path = Pointer(Text(op, "path", i), i, "path");
        switch (name)
        {
            case "add":
                return Add(root, path, Value(op, i), i);
            case "remove":
                return Remove(root, path, i, out _);
            case "replace" when path.Count == 0: // the document always exists, so replacing it is adding it
                return Add(root, path, Value(op, i), i);
            case "replace":
                root = Remove(root, path, i, out _);
                return Add(root, path, Value(op, i), i);
            case "move":
                var from = Pointer(Text(op, "from", i), i, "from");
                root = Remove(root, from, i, out var moved, "from");
                return Add(root, path, moved, i);
            case "copy":
                var source = Pointer(Text(op, "from", i), i, "from");
                return Add(root, path, Get(root, source, i, "from")?.DeepClone(), i);
            case "test":
                if (!JsonNode.DeepEquals(Get(root, path, i), Value(op, i)))
                    throw new ValidationException($"[{i}]", $"test failed: the value at '{Format(path)}' differs");
                return root;
            default:
                throw new ValidationException($"[{i}].op", $"unknown operation '{name}' (add, remove, replace, move, copy, test)");
        }
    }

    private static JsonNode Add(JsonNode root, IReadOnlyList<string> path, JsonNode? value, int i)
    {
        if (path.Count == 0) return value ?? throw new ValidationException($"[{i}].value", "cannot replace the whole document with null");
        var parent = Get(root, path.Take(path.Count - 1).ToList(), i);
        var last = path[^1];
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                return root;
            case JsonArray array:
                var index = last == "-" ? array.Count : Index(last, array.Count + 1, path, i);
                array.Insert(index, value);
                return root;
            default:
                throw new ValidationException($"[{i}].path", $"'{Format(path)}': the parent is not an object or array");
        }
    }

    private static JsonNode Remove(JsonNode root, IReadOnlyList<string> path, int i, out JsonNode? removed, string field = "path")
    {
        if (path.Count == 0) throw new ValidationException($"[{i}].{field}", "cannot remove the whole document");
        var parent = Get(root, path.Take(path.Count - 1).ToList(), i, field);
        var last = path[^1];
        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(last):
                removed = obj[last];
                obj.Remove(last);
                return root;
            case JsonArray array:
                var index = Index(last, array.Count, path, i, field);
                removed = array[index];
                array.RemoveAt(index);
                return root;
            default:
                throw new ValidationException($"[{i}].{field}", $"'{Format(path)}' does not exist");
        }
    }

    private static JsonNode? Get(JsonNode root, IReadOnlyList<string> path, int i, string field = "path")
    {
        JsonNode? node = root;
        for (var k = 0; k < path.Count; k++)
        {
            node = node switch
            {
                JsonObject obj when obj.TryGetPropertyValue(path[k], out var child) => child,
                JsonArray array => array[Index(path[k], array.Count, path, i, field)],
                _ => throw new ValidationException($"[{i}].{field}", $"'{Format(path.Take(k + 1).ToList())}' does not exist"),
            };
        }
        return node;
    }

    private static int Index(string token, int bound, IReadOnlyList<string> path, int i, string field = "path") =>
        int.TryParse(token, System.Globalization.NumberStyles.None, null, out var index) && index < bound
            ? index
            : throw new ValidationException($"[{i}].{field}", $"'{Format(path)}': '{token}' is not an index in range");

    private static IReadOnlyList<string> Pointer(string pointer, int i, string field)
    {
        if (pointer.Length == 0) return [];
        if (pointer[0] != '/') throw new ValidationException($"[{i}].{field}", $"'{pointer}' is not a JSON Pointer (it must start with '/')");
        return pointer[1..].Split('/').Select(t => t.Replace("~1", "/").Replace("~0", "~")).ToList();
    }

    private static string Format(IReadOnlyList<string> path) => "/" + string.Join('/', path);

    private static string Text(JsonObject op, string field, int i) =>
        op[field] is JsonValue v && v.TryGetValue<string>(out var s)
            ? s
            : throw new ValidationException($"[{i}].{field}", $"required string '{field}' is missing");

    private static JsonNode? Value(JsonObject op, int i) =>
        op.TryGetPropertyValue("value", out var value)
            ? value?.DeepClone()
            : throw new ValidationException($"[{i}].value", "required 'value' is missing");
}
