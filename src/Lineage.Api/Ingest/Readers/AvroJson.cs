using System.Text.Json.Nodes;
using Lineage.Graph.Registry;

namespace Lineage.Api.Ingest.Readers;

/// <summary>
/// Turns an aspect written in DataHub's MCE file form (avro JSON, as in <c>bootstrap_mce.json</c>) into the Rest.li
/// form DataHub's Python client sends for it, guided by the aspect's schema: class names lose their
/// <c>pegasus2avro.</c>, nulls are left out, an optional value's avro wrapper (<c>{"string": "Data Hub"}</c> where a
/// string is expected) is removed, and an aliased union's <c>fieldDiscriminator</c> becomes its key. A value already
/// in Rest.li form comes out unchanged, so the snapshot endpoints take both.
/// </summary>
internal static class AvroJson
{
    public const string Pegasus2Avro = "com.linkedin.pegasus2avro.";
    private const string Linkedin = "com.linkedin.";

    /// <summary>A class name with <c>com.linkedin.pegasus2avro.</c> read as <c>com.linkedin.</c>.</summary>
    public static string ClassName(string name) =>
        name.StartsWith(Pegasus2Avro, StringComparison.Ordinal) ? Linkedin + name[Pegasus2Avro.Length..] : name;

    /// <summary>The value in Rest.li form; anything the schema does not describe is left as it is, for validation to name.</summary>
    public static JsonNode? Normalize(FieldType type, JsonNode? node)
    {
        if (node is null) return null;
        if (type is not UnionType && Unwrapped(type, node) is { } inner) return Normalize(type, inner);
        return (type, node) switch
        {
            (RecordType r, JsonObject o) => NormalizeRecord(r, o),
            (ArrayType a, JsonArray items) => new JsonArray([.. items.Select(i => Normalize(a.Items, i))]),
            (MapType m, JsonObject map) => new JsonObject(map.Select(p =>
                KeyValuePair.Create(p.Key, Normalize(m.Values, p.Value)))),
            (UnionType u, JsonObject o) => NormalizeUnion(u, o),
            _ => node.DeepClone(),
        };
    }

    private static JsonObject NormalizeRecord(RecordType record, JsonObject value)
    {
        var result = new JsonObject();
        foreach (var (name, field) in value)
        {
            if (field is null) continue;
            result[name] = record.Field(name) is { } spec ? Normalize(spec.Type, field) : field.DeepClone();
        }
        return result;
    }

    private static JsonNode NormalizeUnion(UnionType union, JsonObject value)
    {
        // PDL's unions with aliases (Cost.cost) carry {"fieldDiscriminator": "costCode", "costCode": …} in avro form.
        if (value["fieldDiscriminator"] is JsonValue discriminator && discriminator.TryGetValue<string>(out var alias))
            return new JsonObject { [alias] = Normalize(MemberType(union, alias), value[alias]) };
        if (value.Count != 1) return value.DeepClone();
        var (key, inner) = value.First();
        var name = ClassName(key);
        return new JsonObject { [name] = Normalize(MemberType(union, name), inner) };
    }

    private static FieldType MemberType(UnionType union, string key) =>
        union.Members.FirstOrDefault(m => m.Key == key)?.Type ?? new AnyType();

    /// <summary>
    /// The value inside an avro union wrapper that fits where <paramref name="type"/> is expected, or null: the wrapper
    /// is a one-key object keyed by the avro type name (a record's by its full class name).
    /// </summary>
    private static JsonNode? Unwrapped(FieldType type, JsonNode node)
    {
        if (node is not JsonObject { Count: 1 } wrapper) return null;
        var (key, inner) = wrapper.First();
        if (inner is null) return null;
        var fits = (type, inner) switch
        {
            (StringType or UrnType, JsonValue) => key == "string",
            (EnumType e, JsonValue) => key == "string" || ClassName(key).EndsWith("." + e.Name, StringComparison.Ordinal),
            (IntegerType, JsonValue) => key is "int" or "long",
            (NumberType, JsonValue) => key is "float" or "double" or "int" or "long",
            (BooleanType, JsonValue) => key == "boolean",
            (ArrayType, JsonArray) => key == "array",
            (MapType, JsonObject) => key == "map",
            (RecordType r, JsonObject) => r.Field(key) is null && ClassName(key).EndsWith("." + r.Name, StringComparison.Ordinal),
            _ => false,
        };
        return fits ? inner : null;
    }
}
