namespace Lineage.Graph.Registry;

/// <summary>The schema of one JSON value inside an aspect, as DataHub's PDL declares it.</summary>
public abstract record FieldType
{
    /// <summary>How the type is named in error messages ("string", "array of mlModelGroup urn" …).</summary>
    public abstract string Describe();
}

/// <summary>A JSON string.</summary>
public sealed record StringType : FieldType
{
    public override string Describe() => "string";
}

/// <summary>A JSON number without a fraction (PDL int and long).</summary>
public sealed record IntegerType : FieldType
{
    public override string Describe() => "integer";
}

/// <summary>A JSON number (PDL float and double).</summary>
public sealed record NumberType : FieldType
{
    public override string Describe() => "number";
}

/// <summary>A JSON boolean.</summary>
public sealed record BooleanType : FieldType
{
    public override string Describe() => "boolean";
}

/// <summary>A string restricted to the symbols of a PDL enum.</summary>
public sealed record EnumType(string Name, IReadOnlyList<string> Symbols) : FieldType
{
    public override string Describe() => $"{Name} ({string.Join(", ", Symbols)})";
}

/// <summary>
/// A URN string, optionally restricted to some entity types, and optionally the source of a relationship edge.
/// </summary>
public sealed record UrnType(IReadOnlyList<string> EntityTypes, RelationshipSpec? Relationship) : FieldType
{
    public override string Describe() =>
        EntityTypes.Count == 0 ? "urn" : $"{string.Join(" or ", EntityTypes)} urn";
}

/// <summary>A JSON array whose items all have one type.</summary>
public sealed record ArrayType(FieldType Items) : FieldType
{
    public override string Describe() => $"array of {Items.Describe()}";
}

/// <summary>A JSON object used as a map from string keys to values of one type.</summary>
public sealed record MapType(FieldType Values) : FieldType
{
    public override string Describe() => $"map of {Values.Describe()}";
}

/// <summary>A PDL record: a JSON object with known fields, some required.</summary>
public sealed record RecordType(string Name, IReadOnlyList<FieldSpec> Fields) : FieldType
{
    private readonly Dictionary<string, FieldSpec> _byName = Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>The field of that name, or null when the record has none.</summary>
    public FieldSpec? Field(string name) => _byName.GetValueOrDefault(name);

    public override string Describe() => $"{Name} object";
}

/// <summary>
/// A PDL union of several members. On the wire a member is wrapped by its name (<c>{"double": 0.1}</c>);
/// Lineage also accepts the bare value when exactly one member fits it.
/// </summary>
public sealed record UnionType(IReadOnlyList<UnionMember> Members) : FieldType
{
    public override string Describe() => $"one of {string.Join(", ", Members.Select(m => m.Key))}";
}

/// <summary>One member of a union: its wire key (<c>string</c>, <c>double</c>, <c>com.linkedin.common.Foo</c>) and type.</summary>
public sealed record UnionMember(string Key, FieldType Type);

/// <summary>Any JSON value: for open-ended payloads DataHub itself does not constrain (serialised blobs).</summary>
public sealed record AnyType : FieldType
{
    public override string Describe() => "any JSON value";
}

/// <summary>A field of a record.</summary>
public sealed record FieldSpec(string Name, FieldType Type, bool Required);
