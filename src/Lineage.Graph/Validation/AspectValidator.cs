using System.Text.Json;
using System.Text.Json.Nodes;
using Lineage.Graph.Errors;
using Lineage.Graph.Registry;
using Lineage.Graph.Urns;

namespace Lineage.Graph.Validation;

/// <summary>
/// Checks an aspect value against its schema and throws a <see cref="ValidationException"/> naming the first
/// offending path (<c>mlModelProperties.groups[1]</c>) and the reason.
/// </summary>
public static class AspectValidator
{
    /// <summary>Validates <paramref name="value"/> as the aspect <paramref name="spec"/>; paths start with the aspect name.</summary>
    public static void Validate(AspectSpec spec, JsonNode? value)
    {
        if (value is not JsonObject)
            throw new ValidationException(spec.Name, $"expected a {spec.Schema.Name} object, got {Kind(value)}");
        Check(spec.Schema, value, spec.Name);
    }

    private static void Check(FieldType type, JsonNode? node, string path)
    {
        if (Mismatch(type, node, path) is { } error) throw error;
    }

    /// <summary>The first error in <paramref name="node"/>, or null; returning instead of throwing lets unions try members cheaply.</summary>
    private static ValidationException? Mismatch(FieldType type, JsonNode? node, string path) => type switch
    {
        AnyType => null,
        StringType => IsString(node) ? null : Expected(path, "a string", node),
        BooleanType => node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? null : Expected(path, "a boolean", node),
        IntegerType => IsInteger(node) ? null : Expected(path, "an integer", node),
        NumberType => node is JsonValue n && n.GetValueKind() == JsonValueKind.Number ? null : Expected(path, "a number", node),
        EnumType e => EnumMismatch(e, node, path),
        UrnType u => UrnMismatch(u, node, path),
        ArrayType a => ArrayMismatch(a, node, path),
        MapType m => MapMismatch(m, node, path),
        RecordType r => RecordMismatch(r, node, path),
        UnionType u => UnionMismatch(u, node, path),
        _ => throw new InvalidOperationException($"No validation for {type.GetType().Name}"),
    };

    private static ValidationException? EnumMismatch(EnumType e, JsonNode? node, string path)
    {
        if (!IsString(node)) return Expected(path, $"a {e.Name} string", node);
        var symbol = node!.GetValue<string>();
        return e.Symbols.Contains(symbol)
            ? null
            : new ValidationException(path, $"'{symbol}' is not a {e.Name}; expected one of {string.Join(", ", e.Symbols)}");
    }

    /// <summary>
    /// A URN in a field refers to another entity: as DataHub, only its syntax and its entity type are checked (a
    /// plain PDL <c>Urn</c> takes any type, also one Lineage has no key spec for, such as <c>query</c> or
    /// <c>dataHubAction</c>). The rules of its key parts apply when that entity itself is written.
    /// </summary>
    private static ValidationException? UrnMismatch(UrnType u, JsonNode? node, string path)
    {
        if (!IsString(node)) return Expected(path, $"a {u.Describe()}", node);
        var text = node!.GetValue<string>();
        if (!Urn.TryReadReference(text, out var entityType, out var error))
            return new ValidationException(path, $"malformed urn '{text}': {error}");
        if (u.EntityTypes.Count > 0 && !u.EntityTypes.Contains(entityType))
            return new ValidationException(path, $"expected {Article(u.Describe())}, got {text}");
        return null;
    }

    private static ValidationException? ArrayMismatch(ArrayType a, JsonNode? node, string path)
    {
        if (node is not JsonArray array) return Expected(path, "an array", node);
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is null) return new ValidationException($"{path}[{i}]", "null is not allowed in an array");
            if (Mismatch(a.Items, array[i], $"{path}[{i}]") is { } error) return error;
        }
        return null;
    }

    private static ValidationException? MapMismatch(MapType m, JsonNode? node, string path)
    {
        if (node is not JsonObject map) return Expected(path, "an object (map)", node);
        foreach (var (key, value) in map)
        {
            var entryPath = $"{path}[\"{key}\"]";
            if (value is null) return new ValidationException(entryPath, "null is not allowed as a map value");
            if (Mismatch(m.Values, value, entryPath) is { } error) return error;
        }
        return null;
    }

    private static ValidationException? RecordMismatch(RecordType r, JsonNode? node, string path)
    {
        if (node is not JsonObject record) return Expected(path, $"a {r.Name} object", node);
        foreach (var (name, value) in record)
        {
            var field = r.Field(name);
            if (field is null)
                return new ValidationException($"{path}.{name}",
                    $"unknown field '{name}' in {r.Name} (known: {string.Join(", ", r.Fields.Select(f => f.Name))})");
            if (value is null) continue; // DataHub clients omit optional nulls; tolerate the explicit form too
            if (Mismatch(field.Type, value, $"{path}.{name}") is { } error) return error;
        }
        foreach (var field in r.Fields)
        {
            if (field.Required && record[field.Name] is null)
                return new ValidationException($"{path}.{field.Name}", $"required field '{field.Name}' is missing");
        }
        return null;
    }

    private static ValidationException? UnionMismatch(UnionType u, JsonNode? node, string path)
    {
        // The wire form wraps the member by its key: {"double": 0.1}.
        if (node is JsonObject { Count: 1 } wrapper)
        {
            var (key, inner) = wrapper.First();
            var member = u.Members.FirstOrDefault(m => m.Key == key);
            if (member is not null) return Mismatch(member.Type, inner, $"{path}.{key}");
        }
        // A bare value is accepted when some member takes it as it is.
        return u.Members.Any(m => Mismatch(m.Type, node, path) is null)
            ? null
            : Expected(path, u.Describe(), node);
    }

    private static ValidationException Expected(string path, string what, JsonNode? node) =>
        new(path, $"expected {what}, got {Kind(node)}");

    private static bool IsString(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    private static bool IsInteger(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number
        && (v.TryGetValue<long>(out _) || v.TryGetValue<int>(out _)
            || (v.TryGetValue<double>(out var d) && Math.Floor(d) == d && Math.Abs(d) < 9.3e18));

    // "an mlModel urn": ml is read em-el.
    private static string Article(string noun) =>
        noun.Length > 0 && ("aeiouAEIOU".Contains(noun[0]) || noun.StartsWith("ml", StringComparison.Ordinal)) ? $"an {noun}" : $"a {noun}";

    /// <summary>A short description of what was found, for messages.</summary>
    internal static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => $"the string \"{Truncate(v.GetValue<string>())}\"",
            JsonValueKind.Number => $"the number {v.ToJsonString()}",
            JsonValueKind.True or JsonValueKind.False => $"the boolean {v.ToJsonString()}",
            _ => v.ToJsonString(),
        },
        _ => "a value",
    };

    private static string Truncate(string s) => s.Length <= 80 ? s : s[..77] + "...";
}
