namespace Lineage.Graph.Registry;

/// <summary>One aspect: its name, DataHub's schema class (the union key on the wire) and its value's schema.</summary>
public sealed record AspectSpec(string Name, string SchemaClass, RecordType Schema)
{
    /// <summary>True for the key aspect of an entity type, which is derived from the URN and never stored.</summary>
    public bool IsKey { get; init; }
}
