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
            var document = (current ?? Default(aspect, now)).DeepClone().AsObject();
            operations = CompleteShortAdds(operations, template);
            foreach (var array in template.Arrays) KeyedArrays.ToMap(document, array);
            template.Custom?.ToMaps(document);
            var created = CreateParents(document, operations);
            var patched = JsonPatch.Apply(document, operations);
            PruneEmpty(patched, created);
            foreach (var array in template.Arrays) KeyedArrays.ToArray(patched, array);
            template.Custom?.ToArrays(patched);
            return patched;
        }
        catch (ValidationException e) when (prefix.Length > 0)
        {
            throw e.Under(prefix);
        }
    }

    /// <summary>What a patch of an absent aspect starts from: its template's default (also under an envelope), <c>{}</c> without one.</summary>
    private static JsonObject Default(string aspect, long now) => PatchTemplates.Of(aspect) switch
    {
        null => [],
        { Default: null } => throw new ValidationException("",
            $"there is no stored {aspect} to patch and DataHub's template has no default for it: write it with UPSERT first"),
        { Default: { } make } => make(now),
    };

    /// <summary>
    /// An add whose path stops short of a keyed array's keys, with an element as its value (an established client's
    /// <c>/owners/&lt;owner&gt;/&lt;type&gt;</c> or <c>/tags/&lt;tag&gt;</c> under DataHub's newer, attribution-keyed
    /// templates), gets the missing keys from the element itself (<c>""</c> when absent), as DataHub's newest
    /// clients send them. DataHub's server does not do this; without it the element would be read as a map of the
    /// missing keys and lost. An array value is left alone: it replaces every entry under the key, as in DataHub.
    /// The operations given are not changed; a completed copy is returned.
    /// </summary>
    private static JsonArray CompleteShortAdds(JsonArray operations, PatchTemplate template)
    {
        JsonArray? completed = null;
        for (var i = 0; i < operations.Count; i++)
        {
            if (operations[i] is not JsonObject { } op || op["op"] is not JsonValue kind || kind.ToString() != "add"
                || op["path"] is not JsonValue p || !p.TryGetValue<string>(out var path) || !path.StartsWith('/')
                || op["value"] is not JsonObject element)
                continue;
            var segments = path[1..].Split('/');
            if (template.Arrays.Select(array => MissingKeys(segments, array, element)).FirstOrDefault(m => m is not null) is not { } missing)
                continue;
            completed ??= operations.DeepClone().AsArray();
            completed[i]!["path"] = path + "/" + string.Join('/', missing.Select(key => key.Replace("~", "~0").Replace("/", "~1")));
        }
        return completed ?? operations;
    }

    /// <summary>
    /// The keys of <paramref name="element"/> that a path into <paramref name="array"/> leaves out, or null when it
    /// names the array itself, a whole entry, or goes past one (then an array nested in the entry is tried:
    /// <c>/editableSchemaFieldInfo/&lt;field&gt;/globalTags/tags/&lt;tag&gt;</c>).
    /// </summary>
    private static IEnumerable<string>? MissingKeys(ArraySegment<string> segments, KeyedArray array, JsonObject element)
    {
        if (segments.Count <= array.Path.Count || !array.Path.Select((field, n) => segments[n] == field).All(same => same)) return null;
        var given = segments.Count - array.Path.Count;
        if (given < array.Keys.Count) return array.Keys.Skip(given).Select(key => KeyedArrays.KeyOf(element, key));
        var inside = segments[(array.Path.Count + array.Keys.Count)..];
        return (array.Nested ?? []).Select(nested => MissingKeys(inside, nested, element)).FirstOrDefault(m => m is not null);
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
                return (patch, keys.Count > 0 || force ? new PatchTemplate(keys, null) : null, "patch");
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
