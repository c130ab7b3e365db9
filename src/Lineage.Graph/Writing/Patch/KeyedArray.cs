namespace Lineage.Graph.Writing.Patch;

/// <summary>
/// An array of an aspect that a PATCH addresses by key (<c>/tags/urn:li:tag:pii</c>) rather than by index:
/// its field, the element fields that key it outermost first (none: an array of strings keyed by the string),
/// and arrays nested inside each element (editableSchemaMetadata's per-field tags and terms).
/// </summary>
public sealed record KeyedArray(IReadOnlyList<string> Path, IReadOnlyList<string> Keys, IReadOnlyList<KeyedArray>? Nested = null)
{
    /// <summary>DataHub's separator inside one key field naming a nested field (<c>attribution␟source</c>).</summary>
    public const char UnitSeparator = '␟';

    public KeyedArray(string field, params string[] keys) : this([field], keys) { }
}
