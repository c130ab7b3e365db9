using Lineage.Graph.Registry;

namespace Lineage.Graph.Tests.Registry;

/// <summary>Finds fields in an aspect schema by a path such as <c>owners[].owner</c> (arrays are stepped through).</summary>
internal static class SchemaPath
{
    /// <summary>The field at the path; fails the test when a step is missing.</summary>
    public static FieldSpec Field(RecordType root, string path)
    {
        FieldType current = root;
        FieldSpec? field = null;
        foreach (var step in path.Split('.'))
        {
            var record = Unwrap(current) as RecordType;
            record.ShouldNotBeNull($"'{path}': '{step}' is not inside a record");
            field = record.Field(FieldName(step));
            field.ShouldNotBeNull($"'{path}': {record.Name} has no field '{step}'");
            current = field.Type;
        }

        return field!;
    }

    /// <summary>The URN type at the path (inside arrays if the field is a list of URNs).</summary>
    public static UrnType Urn(RecordType root, string path)
    {
        var type = Unwrap(Field(root, path).Type);
        return type.ShouldBeOfType<UrnType>($"'{path}' is not a URN field");
    }

    /// <summary>Every URN field that carries a relationship, as (path, relationship).</summary>
    public static IEnumerable<(string Path, RelationshipSpec Relationship)> Edges(FieldType type, string path = "")
    {
        switch (type)
        {
            case UrnType { Relationship: { } r }:
                yield return (path, r);
                break;
            case ArrayType a:
                foreach (var e in Edges(a.Items, path + "[]")) yield return e;
                break;
            case MapType m:
                foreach (var e in Edges(m.Values, path + "{}")) yield return e;
                break;
            case UnionType u:
                foreach (var member in u.Members)
                foreach (var e in Edges(member.Type, $"{path}<{member.Key}>")) yield return e;
                break;
            case RecordType r:
                foreach (var f in r.Fields)
                foreach (var e in Edges(f.Type, path.Length == 0 ? f.Name : $"{path}.{f.Name}")) yield return e;
                break;
        }
    }

    /// <summary>Every field type in the schema, to catch declarations read before they were initialised.</summary>
    public static IEnumerable<(string Path, FieldType? Type)> AllTypes(FieldType type, string path = "")
    {
        yield return (path, type);
        IEnumerable<(string, FieldType?)> children = type switch
        {
            ArrayType a => a.Items is null ? [(path + "[]", null)] : AllTypes(a.Items, path + "[]"),
            MapType m => m.Values is null ? [(path + "{}", null)] : AllTypes(m.Values, path + "{}"),
            UnionType u => u.Members.SelectMany(x => x.Type is null ? [($"{path}<{x.Key}>", null)] : AllTypes(x.Type, $"{path}<{x.Key}>")),
            RecordType r => r.Fields.SelectMany(f =>
                f.Type is null ? [($"{path}.{f.Name}", null)] : AllTypes(f.Type, $"{path}.{f.Name}")),
            _ => [],
        };
        foreach (var child in children) yield return child;
    }

    /// <summary>A path step without its array and union-member marks: <c>inputs[]&lt;string&gt;</c> → <c>inputs</c>.</summary>
    private static string FieldName(string step)
    {
        var name = step.Replace("[]", "", StringComparison.Ordinal);
        var member = name.IndexOf('<', StringComparison.Ordinal);
        return member < 0 ? name : name[..member];
    }

    // A one-member union (PDL's typeref ChartDataSourceType = union[DatasetUrn]) is stepped through like an array.
    private static FieldType Unwrap(FieldType type) => type switch
    {
        ArrayType a => Unwrap(a.Items),
        UnionType { Members.Count: 1 } u => Unwrap(u.Members[0].Type),
        _ => type,
    };
}
