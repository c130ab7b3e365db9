using System.Text.Json;
using System.Text.Json.Nodes;
using Lineage.Graph.Errors;

namespace Lineage.Api.Wire;

/// <summary>Reads a request body as JSON, turning unreadable input into a 400 that says where it broke.</summary>
internal static class JsonBody
{
    public static async Task<JsonNode> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        // Read whole (the body size limit bounds it) so that bad UTF-8 is refused here, not met later as a 500 when a
        // string of the parsed tree is first turned into text.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
            throw new ValidationException("body", "not valid UTF-8");
        try
        {
            var node = JsonNode.Parse(bytes) ?? throw new ValidationException("body", "expected a JSON value, got null");
            Materialize(node);
            return node;
        }
        catch (JsonException e)
        {
            throw new ValidationException("body", $"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        }
        catch (ArgumentException e) when (e.ParamName == "key")
        {
            // JsonObject refuses a member name given twice (DataHub's bootstrap_mce.json has one); say so, not 500.
            throw new ValidationException("body", $"an object has a member name twice: {e.Message}");
        }
    }

    /// <summary>Builds every object now, so that a duplicate member name fails here rather than mid-request.</summary>
    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, value) in o) Materialize(value);
                break;
            case JsonArray a:
                foreach (var item in a) Materialize(item);
                break;
        }
    }

    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken ct) =>
        await ReadAsync(request, ct) as JsonObject ?? throw new ValidationException("body", "expected a JSON object");

    /// <summary>A string member, or null when absent; a non-string is a 400 naming <paramref name="path"/>.</summary>
    public static string? OptionalString(JsonObject obj, string name, string path) => obj[name] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => throw new ValidationException(path, "expected a string"),
    };

    public static string RequiredString(JsonObject obj, string name, string path) =>
        OptionalString(obj, name, path) ?? throw new ValidationException(path, "required field is missing");

    public static JsonObject? OptionalObject(JsonObject obj, string name, string path) => obj[name] switch
    {
        null => null,
        JsonObject o => o,
        _ => throw new ValidationException(path, "expected an object"),
    };
}
