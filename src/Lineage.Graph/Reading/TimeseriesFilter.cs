using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lineage.Graph.Reading;

/// <summary>
/// The equality filter DataHub's clients put on timeseries reads (<c>{"or": [{"and": [{"field": "partitionSpec.partition",
/// "values": ["FULL_TABLE_SNAPSHOT"], "condition": "EQUAL"}]}]}</c>): a value passes when every condition of some
/// group holds; a field is a dotted path into the value, compared as text.
/// </summary>
public sealed record TimeseriesFilter(IReadOnlyList<IReadOnlyList<FieldCondition>> AnyOf)
{
    /// <summary>Whether the value passes (an empty filter passes everything).</summary>
    public bool Matches(JsonObject value) => AnyOf.Count == 0 || AnyOf.Any(all => all.All(c => c.Matches(value)));
}

/// <summary>One condition: the field at <paramref name="Path"/> equals one of <paramref name="Values"/> (or, negated, none).</summary>
public sealed record FieldCondition(string Path, IReadOnlyList<string> Values, bool Negated)
{
    public bool Matches(JsonObject value)
    {
        JsonNode? node = value;
        foreach (var step in Path.Split('.')) node = node is JsonObject o ? o[step] : null;
        var text = node switch
        {
            null => null,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => node.ToJsonString(),
        };
        return (text is not null && Values.Contains(text)) != Negated;
    }
}
