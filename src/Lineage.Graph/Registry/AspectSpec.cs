namespace Lineage.Graph.Registry;

/// <summary>One aspect: its name, DataHub's schema class (the union key on the wire) and its value's schema.</summary>
public sealed record AspectSpec(string Name, string SchemaClass, RecordType Schema)
{
    /// <summary>
    /// True for the key aspect of an entity type: derived from the URN for reads, and stored only when a client
    /// writes it (the SDK's create() does), so that an entity with nothing but its key exists.
    /// </summary>
    public bool IsKey { get; init; }

    /// <summary>
    /// True for a timeseries aspect (DataHub's <c>"type": "timeseries"</c>): every value is kept by its
    /// <c>timestampMillis</c>, reads of the aspect see the newest, and no version history is kept.
    /// </summary>
    public bool IsTimeseries { get; init; }
}
