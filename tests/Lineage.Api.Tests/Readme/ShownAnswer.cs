using System.Text;
using System.Text.Json;

namespace Lineage.Api.Tests.Readme;

/// <summary>
/// Compares what an example printed with the answer the README shows after it. A shown answer that reads as JSON
/// (one value or several, as <c>jq .</c> and <c>jq -c</c> print them) is compared as JSON: the same number of values,
/// objects with the same members in any order, arrays in order, numbers by value, and the members named in
/// <see cref="Varying"/> only required on both sides. Any other answer is compared as text, line by line, exactly.
/// </summary>
internal static class ShownAnswer
{
    /// <summary>The members whose values change from run to run, and why; the README shows one run's values.</summary>
    public static readonly IReadOnlyDictionary<string, string> Varying = new Dictionary<string, string>
    {
        ["id"] = "a token's id: random",
        ["token"] = "a token's text: random",
        ["createdAt"] = "the clock: when a token or an aspect version was made",
        ["expiresAt"] = "the clock: a token's expiry, counted from when it was made",
        ["requestId"] = "an error's request id: one per request",
        ["appliedSequence"] = "GET /health: how far the search index has read the change feed, a matter of timing",
        ["committedSequence"] = "GET /health: how far the search index has committed, a matter of timing",
        ["store"] = "GET /health: the store under test, embedded or neo4j",
    };

    /// <summary>Null when <paramref name="printed"/> answers as <paramref name="shown"/> says, else the first difference.</summary>
    public static string? Difference(string shown, string printed)
    {
        if (ReadJsonValues(shown) is not { } expected) return TextDifference(shown, printed);
        if (ReadJsonValues(printed) is not { } actual) return "the README shows JSON; the example printed something else";
        if (expected.Count != actual.Count) return $"the README shows {expected.Count} JSON values; the example printed {actual.Count}";
        for (var i = 0; i < expected.Count; i++)
        {
            if (JsonDifference(expected[i], actual[i], $"value {i + 1}") is { } difference) return difference;
        }
        return null;
    }

    /// <summary>The JSON values of <paramref name="text"/> in order, or null when it is not a sequence of JSON values.</summary>
    private static List<JsonElement>? ReadJsonValues(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions { AllowMultipleValues = true });
        var values = new List<JsonElement>();
        try
        {
            while (reader.Read()) values.Add(JsonElement.ParseValue(ref reader));
        }
        catch (JsonException)
        {
            return null;
        }
        return values.Count > 0 ? values : null;
    }

    private static string? JsonDifference(JsonElement shown, JsonElement printed, string path)
    {
        if (shown.ValueKind != printed.ValueKind)
            return $"{path}: the README shows {shown.GetRawText()}, the example printed {printed.GetRawText()}";
        switch (shown.ValueKind)
        {
            case JsonValueKind.Object:
                var expected = shown.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                var actual = printed.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                if (expected.Keys.Except(actual.Keys).FirstOrDefault() is { } missing)
                    return $"{path}: the README shows a member \"{missing}\" that the example did not print";
                if (actual.Keys.Except(expected.Keys).FirstOrDefault() is { } extra)
                    return $"{path}: the example printed a member \"{extra}\" that the README does not show";
                foreach (var (name, value) in expected)
                {
                    if (Varying.ContainsKey(name)) continue;
                    if (JsonDifference(value, actual[name], $"{path}.{name}") is { } difference) return difference;
                }
                return null;
            case JsonValueKind.Array:
                if (shown.GetArrayLength() != printed.GetArrayLength())
                    return $"{path}: the README shows {shown.GetArrayLength()} items, the example printed {printed.GetArrayLength()}: {printed.GetRawText()}";
                foreach (var (item, i) in shown.EnumerateArray().Select((item, i) => (item, i)))
                {
                    if (JsonDifference(item, printed[i], $"{path}[{i}]") is { } difference) return difference;
                }
                return null;
            case JsonValueKind.Number:
                var same = shown.TryGetDecimal(out var a) && printed.TryGetDecimal(out var b) ? a == b : shown.GetDouble().Equals(printed.GetDouble());
                return same ? null : $"{path}: the README shows {shown.GetRawText()}, the example printed {printed.GetRawText()}";
            case JsonValueKind.String:
                return shown.GetString() == printed.GetString()
                    ? null : $"{path}: the README shows {shown.GetRawText()}, the example printed {printed.GetRawText()}";
            default:
                return null; // true, false and null: the kinds were equal
        }
    }

    private static string? TextDifference(string shown, string printed)
    {
        var expected = Lines(shown);
        var actual = Lines(printed);
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var e = i < expected.Count ? expected[i] : "(nothing)";
            var a = i < actual.Count ? actual[i] : "(nothing)";
            if (e != a) return $"line {i + 1}: the README shows\n  {e}\nthe example printed\n  {a}";
        }
        return null;
    }

    private static List<string> Lines(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines;
    }
}
