using System.Globalization;
using Lineage.Graph.Errors;

namespace Lineage.Api.Wire;

/// <summary>A moment given in a request (<c>asOf</c>): an ISO 8601 time, or milliseconds since 1970 as DataHub's times are.</summary>
internal static class Moment
{
    /// <summary>The moment <paramref name="text"/> names, or null when it is empty; anything else is a 400 naming <paramref name="path"/>.</summary>
    public static DateTimeOffset? Parse(string? text, string path)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var millis))
            return millis <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
                ? DateTimeOffset.FromUnixTimeMilliseconds(millis)
                : throw new ValidationException(path, $"'{text}' milliseconds is past the year 9999");
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var moment)
            ? moment
            : throw new ValidationException(path, $"'{text}' is not a moment: give an ISO 8601 time (2024-06-01T10:00:00Z) or milliseconds since 1970");
    }
}
