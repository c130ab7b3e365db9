using Lineage.Graph.Errors;

namespace Lineage.Api.GraphQL;

/// <summary>
/// An input object argument as graphql-dotnet hands it over (a dictionary, already checked against the schema's
/// types), read with defaults and ranges; a value out of range is a <see cref="ValidationException"/> naming it.
/// </summary>
internal sealed class Input(IDictionary<string, object?>? values, string path)
{
    public string? Text(string name) => values?.TryGetValue(name, out var value) == true ? value?.ToString() : null;

    public IReadOnlyList<string> Texts(string name) =>
        values?.TryGetValue(name, out var value) == true && value is IEnumerable<object?> items
            ? items.Select(i => i?.ToString()).OfType<string>().ToList()
            : [];

    public bool? Bool(string name) => values?.TryGetValue(name, out var value) == true && value is bool b ? b : null;

    public int Int(string name, int fallback, int min, int max)
    {
        if (values?.TryGetValue(name, out var value) != true || value is null) return fallback;
        var number = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        if (number < min || number > max)
            throw new ValidationException($"{path}.{name}", $"{number} is out of range; allowed: {min} to {max}");
        return number;
    }

    /// <summary>A Long of milliseconds since 1970 as a moment; null when absent.</summary>
    public DateTimeOffset? Millis(string name)
    {
        if (values?.TryGetValue(name, out var value) != true || value is null) return null;
        var millis = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        if (millis < 0 || millis > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
            throw new ValidationException($"{path}.{name}", $"{millis} is not a time: milliseconds since 1970, before the year 10000");
        return DateTimeOffset.FromUnixTimeMilliseconds(millis);
    }

    public Input Object(string name) =>
        new(values?.TryGetValue(name, out var value) == true ? value as IDictionary<string, object?> : null, $"{path}.{name}");

    public IReadOnlyList<Input> Objects(string name) =>
        values?.TryGetValue(name, out var value) == true && value is IEnumerable<object?> items
            ? items.Select((item, i) => new Input(item as IDictionary<string, object?>, $"{path}.{name}[{i}]")).ToList()
            : [];

    public bool Has(string name) => values?.TryGetValue(name, out var value) == true && value is not null;

    public string Path => path;
}
