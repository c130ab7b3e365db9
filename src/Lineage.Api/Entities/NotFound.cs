namespace Lineage.Api.Entities;

/// <summary>The messages of the entity reads' 404s, now and as of a moment.</summary>
internal static class NotFound
{
    public static string Entity(string urn, DateTimeOffset? asOf) =>
        asOf is { } moment ? $"entity {urn} had no aspects at {Time(moment)}" : $"entity {urn} not found";

    public static string Time(DateTimeOffset moment) => moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
