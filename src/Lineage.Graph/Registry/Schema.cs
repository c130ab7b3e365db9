namespace Lineage.Graph.Registry;

/// <summary>
/// The small vocabulary aspect declarations are written in (<c>using static Lineage.Graph.Registry.Schema;</c>),
/// so that an aspect reads like its PDL file.
/// </summary>
public static class Schema
{
    public static readonly FieldType Text = new StringType();
    public static readonly FieldType Int = new IntegerType();
    public static readonly FieldType Long = new IntegerType();
    public static readonly FieldType Float = new NumberType();
    public static readonly FieldType Double = new NumberType();
    public static readonly FieldType Bool = new BooleanType();
    public static readonly FieldType Any = new AnyType();

    /// <summary>A field that must be present and not null.</summary>
    public static FieldSpec Required(string name, FieldType type) => new(name, type, Required: true);

    /// <summary>A field that may be left out (or null).</summary>
    public static FieldSpec Optional(string name, FieldType type) => new(name, type, Required: false);

    public static RecordType Record(string name, params FieldSpec[] fields) => new(name, fields);

    /// <summary>A record that also has the fields of other records, as PDL's <c>includes</c>.</summary>
    public static RecordType Record(string name, RecordType[] includes, params FieldSpec[] fields) =>
        new(name, [.. includes.SelectMany(i => i.Fields), .. fields]);

    public static ArrayType ListOf(FieldType items) => new(items);

    public static MapType MapOf(FieldType values) => new(values);

    public static EnumType Enum(string name, params string[] symbols) => new(name, symbols);

    /// <summary>A URN of the given entity types (any type when none is given) that is not a relationship.</summary>
    public static UrnType UrnOf(params string[] entityTypes) => new(entityTypes, null);

    /// <summary>A URN field that produces a relationship edge to an entity of one of the given types.</summary>
    public static UrnType EdgeTo(string relationship, LineageRole lineage, params string[] entityTypes) =>
        new(entityTypes, new RelationshipSpec(relationship, lineage));

    public static UnionType Union(params UnionMember[] members) => new(members);

    public static UnionMember Member(string key, FieldType type) => new(key, type);

    /// <summary>An aspect entry: its name, DataHub's schema class and its schema.</summary>
    public static AspectSpec Aspect(string name, string schemaClass, RecordType schema) => new(name, schemaClass, schema);
}
