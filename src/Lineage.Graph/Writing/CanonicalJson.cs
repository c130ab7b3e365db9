using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lineage.Graph.Writing;

/// <summary>
/// A hash of a JSON value that ignores object key order, so that re-sending the same aspect with its fields in
/// another order is recognised as unchanged (DataHub compares records, not text).
/// </summary>
public static class CanonicalJson
{
    public static string Hash(JsonNode? node)
    {
        var buffer = new ArrayBufferWriterStream();
        using (var writer = new Utf8JsonWriter(buffer))
            Write(writer, node);
        return Convert.ToHexString(SHA256.HashData(buffer.Written));
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array) Write(writer, item);
                writer.WriteEndArray();
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                // 1, 1.0 and 1e0 are one number.
                using (var number = JsonDocument.Parse(value.ToJsonString()))
                    writer.WriteRawValue(number.RootElement.GetDecimalOrDouble());
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    private static string GetDecimalOrDouble(this JsonElement e) =>
        e.TryGetDecimal(out var d) ? (d / 1.000000000000000000000000000000000m).ToString(System.Globalization.CultureInfo.InvariantCulture)
        : e.GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A growable in-memory stream whose written bytes can be read without copying.</summary>
    private sealed class ArrayBufferWriterStream : MemoryStream
    {
        public ReadOnlySpan<byte> Written => GetBuffer().AsSpan(0, (int)Length);
    }
}
