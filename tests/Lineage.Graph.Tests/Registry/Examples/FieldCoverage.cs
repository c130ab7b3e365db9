using System.Text.Json.Nodes;
using Lineage.Graph.Registry;

namespace Lineage.Graph.Tests.Registry.Examples;

/// <summary>Which fields of a schema a value leaves unset, so that an example can be shown to be maximal.</summary>
internal static class FieldCoverage
{
    /// <summary>
    /// <c>Record.field</c> for every field of every record the value reaches that no instance of that record sets.
    /// Records are told apart by name; a union counts only the members the value uses.
    /// </summary>
    public static IReadOnlyList<string> Unset(RecordType schema, JsonNode value)
    {
        var reached = new Dictionary<string, (RecordType Record, HashSet<string> Set)>(StringComparer.Ordinal);
        Walk(schema, value, reached);
        return
        [
            .. reached.Values
                .SelectMany(r => r.Record.Fields.Where(f => !r.Set.Contains(f.Name)).Select(f => $"{r.Record.Name}.{f.Name}"))
                .Order(StringComparer.Ordinal),
        ];
    }

    private static void Walk(FieldType type, JsonNode? node, Dictionary<string, (RecordType, HashSet<string> Set)> reached)
    {
        switch (type, node)
        {
            case (RecordType record, JsonObject fields):
                if (!reached.TryGetValue(record.Name, out var entry))
                    reached[record.Name] = entry = (record, new HashSet<string>(StringComparer.Ordinal));
                foreach (var (name, value) in fields)
                {
                    entry.Set.Add(name);
                    if (record.Field(name) is { } field) Walk(field.Type, value, reached);
                }
                break;
            case (ArrayType array, JsonArray items):
                foreach (var item in items) Walk(array.Items, item, reached);
                break;
            case (MapType map, JsonObject entries):
                foreach (var (_, value) in entries) Walk(map.Values, value, reached);
                break;
            case (UnionType union, JsonObject { Count: 1 } wrapper):
                var (key, inner) = wrapper.First();
                if (union.Members.FirstOrDefault(m => m.Key == key) is { } member) Walk(member.Type, inner, reached);
                break;
        }
    }
}
