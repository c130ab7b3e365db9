using System.Text.Json.Nodes;

namespace Lineage.Api.Tests.Support;

/// <summary>
/// What DataHub's client makes of a snapshot aspect written by hand in avro JSON (its sample data,
/// bootstrap_mce.json) before the REST sink sends it. The file source reads each record with the generated classes'
/// <c>from_obj</c>, which takes a union's value in avro's tagged form (<c>{"string": "Data Hub"}</c>,
/// <c>{"array": […]}</c>) or bare; <c>to_obj</c> then writes the value of an optional field (a union with null) bare,
/// and the value of any other union tagged with its member's type name, as DataHub's golden files show
/// (<c>"type": {"string": "COMMAND"}</c> for DataJobInfo). Which fields are such unions is the schema's business: the
/// two in the sample data are listed here, read off DataHub's PDL. Defaults <c>to_obj</c> would write for absent
/// fields are not added: they change neither what is accepted nor the edges.
/// </summary>
internal static class AvroFileValues
{
    private static readonly HashSet<string> AvroTypeNames =
        ["null", "boolean", "int", "long", "float", "double", "bytes", "string", "array", "map"];

    /// <summary>
    /// The unions with non-record members in the sample data's aspects, by aspect class: ChartInfo.inputs is an array
    /// of ChartDataSourceType, <c>union[DatasetUrn]</c>; DataJobInfo.type is <c>union[AzkabanJobType, string]</c>.
    /// </summary>
    private static readonly Dictionary<string, Action<JsonObject>> Unions = new(StringComparer.Ordinal)
    {
        ["com.linkedin.chart.ChartInfo"] = value =>
        {
            if (value["inputs"] is not JsonArray inputs) return;
            for (var i = 0; i < inputs.Count; i++)
                if (inputs[i] is JsonValue input) inputs[i] = Tagged(input);
        },
        ["com.linkedin.datajob.DataJobInfo"] = value =>
        {
            if (value["type"] is JsonValue type) value["type"] = Tagged(type);
        },
    };

    /// <summary>The aspect of class <paramref name="aspectClass"/> (server spelling) as <c>to_obj(from_obj(value))</c> writes it.</summary>
    public static JsonNode? AsClientWrites(string aspectClass, JsonNode? value)
    {
        var read = Untagged(value);
        if (read is JsonObject record && Unions.TryGetValue(aspectClass, out var tag)) tag(record);
        return read;
    }

    /// <summary>The value with every avro type-name wrapper taken off, as <c>from_obj</c> reads it.</summary>
    private static JsonNode? Untagged(JsonNode? node) => node switch
    {
        JsonObject { Count: 1 } o when AvroTypeNames.Contains(o.First().Key) => Untagged(o.First().Value),
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Untagged(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Untagged)]),
        _ => node?.DeepClone(),
    };

    private static JsonObject Tagged(JsonValue value) => new() { ["string"] = value.DeepClone() };
}
