using System.Text.Json.Nodes;
using Lineage.Graph.Errors;

namespace Lineage.Graph.Writing.Patch;

/// <summary>
/// DataHub's PATCH as its server applies it: a bare RFC 6902 array or the envelope
/// <c>{"patch", "arrayPrimaryKeys", "forceGenericPatch"}</c>; keyed arrays become maps, every path's parents are
/// created (so removing an absent key changes nothing), the operations run, and the maps become arrays again.
/// Errors name the operation (<c>[2].path</c>, or <c>patch[2].path</c> inside an envelope).
/// </summary>
public static class KeyedPatch
{
    /// <summary>Patches <paramref name="current"/> (null when nothing is stored) of <paramref name="aspect"/>.</summary>
    public static JsonObject Apply(string aspect, JsonObject? current, JsonNode? value, long now)
    {
        var (operations, generic, prefix) = Read(value);
        var template = generic ?? PatchTemplates.Of(aspect);
        try
        {
            // No template and no keys: plain RFC 6902 with array indexes, as before keyed patches existed.
            if (template is null) return JsonPatch.Apply(current ?? [], operations);
            var document = (current ?? PatchTemplates.Of(aspect)?.Default(now) ?? []).DeepClone().AsObject();
            foreach (var array in template.Arrays) KeyedArrays.ToMap(document, array);
            if (template.FineGrainedLineages) FineGrainedLineages.ToMap(document);
            var created = CreateParents(document, operations);
            var patched = JsonPatch.Apply(document, operations);
            PruneEmpty(patched, created);
            foreach (var array in template.Arrays) KeyedArrays.ToArray(patched, array);
            if (template.FineGrainedLineages) FineGrainedLineages.ToArray(patched);
            return patched;
        }
        catch (ValidationException e) when (prefix.Length > 0)
        {
            throw e.Under(prefix);
        }
    }

    private static (JsonArray Operations, PatchTemplate? Generic, string Prefix) Read(JsonNode? value)
    {
        switch (value)
        {
            case JsonArray operations:
                return (operations, null, "");
            case JsonObject envelope:
                if (!envelope.ContainsKey("patch")) throw NotAPatch();
                if (envelope["patch"] is not JsonArray patch) throw new ValidationException("patch", "expected an array of JSON Patch operations");
                var keys = ArrayPrimaryKeys(envelope["arrayPrimaryKeys"]);
                var force = envelope["forceGenericPatch"] switch
                {
                    null => false,
                    JsonValue v when v.TryGetValue<bool>(out var b) => b,
                    _ => throw new ValidationException("forceGenericPatch", "expected true or false"),
                };
                // Keys or force skip the aspect's own template (DataHub's GenericPatchTemplate).
                return (patch, keys.Count > 0 || force ? new PatchTemplate(keys, _ => []) : null, "patch");
            default:
                throw NotAPatch();
        }
    }

    private static ValidationException NotAPatch() =>
        new("", "a PATCH value must be an array of JSON Patch operations or {\"patch\": [...], \"arrayPrimaryKeys\"?: {...}}");

    private static List<KeyedArray> ArrayPrimaryKeys(JsonNode? node)
    {
        if (node is null) return [];
        if (node is not JsonObject keys) throw new ValidationException("arrayPrimaryKeys", "expected an object of field → key fields");
        return keys.Select(k => new KeyedArray([k.Key], k.Value is JsonArray fields && fields.All(f => f is JsonValue v && v.TryGetValue<string>(out _))
            ? fields.Select(f => f!.GetValue<string>()).ToArray()
            : throw new ValidationException($"arrayPrimaryKeys.{k.Key}", "expected an array of field names"))).ToList();
    }

    /// <summary>
    /// DataHub creates every segment of each path as an empty object first (all but the last for an add, all of
    /// them for a remove), so an add under a new key and a remove of an absent one both succeed. Unlike DataHub,
    /// segments are unescaped first (<c>~1</c> → <c>/</c>), so removing an absent key with a <c>/</c> is a no-op too.
    /// Returns the paths created, parents first.
    /// </summary>
    private static List<List<string>> CreateParents(JsonObject document, JsonArray operations)
    {
        var created = new List<List<string>>();
        foreach (var node in operations)
        {
            if (node is not JsonObject op || op["path"] is not JsonValue p || !p.TryGetValue<string>(out var path) || !path.StartsWith('/')) continue;
            var segments = path[1..].Split('/').Select(s => s.Replace("~1", "/").Replace("~0", "~")).ToList();
            var end = op["op"] is JsonValue o && o.ToString() == "remove" ? segments.Count : segments.Count - 1;
            JsonObject parent = document;
            for (var i = 0; i < end; i++)
            {
                if (!parent.TryGetPropertyValue(segments[i], out var child) || child is null)
                {
                    child = new JsonObject();
                    parent[segments[i]] = child;
                    created.Add(segments.Take(i + 1).ToList());
                }
                if (child is not JsonObject next) break;
                parent = next;
            }
        }
        return created;
    }

    /// <summary>
    /// Drops the objects <see cref="CreateParents"/> made that are still empty (a remove of an absent custom
    /// property leaves no <c>customProperties: {}</c> behind on an aspect that has no such field; DataHub keeps it).
    /// </summary>
    private static void PruneEmpty(JsonObject document, List<List<string>> created)
    {
        foreach (var path in created.AsEnumerable().Reverse())
        {
            JsonObject? parent = document;
            foreach (var segment in path.Take(path.Count - 1)) parent = parent?[segment] as JsonObject;
            if (parent?[path[^1]] is JsonObject { Count: 0 }) parent.Remove(path[^1]);
        }
    }
}
