using Lineage.Graph.Errors;

namespace Lineage.Api.Wire;

/// <summary>Reading the parts of a Rest.li request that ASP.NET does not read the way DataHub's clients write them.</summary>
internal static class RestLi
{
    /// <summary>
    /// The URN in the path after <paramref name="prefix"/>, decoded exactly once. Clients send <c>quote(urn, safe="")</c>,
    /// and ASP.NET leaves <c>%2F</c> encoded in route values, so the raw request target is the only faithful source.
    /// </summary>
    public static string UrnFromPath(HttpContext context, string prefix)
    {
        var urn = string.Join('/', PathSegmentsAfter(context, prefix));
        return urn.Length > 0 ? urn : throw new ValidationException("urn", "missing from the path");
    }

    /// <summary>
    /// The path segments after <paramref name="prefix"/>, each decoded once. A <c>/</c> the client encoded (inside a
    /// URN) stays inside its segment; one it did not separates segments.
    /// </summary>
    public static IReadOnlyList<string> PathSegmentsAfter(HttpContext context, string prefix)
    {
        var raw = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget;
        if (!string.IsNullOrEmpty(raw))
            return Remainder(raw.Split('?', 2)[0], prefix).Split('/').Select(Uri.UnescapeDataString).ToList();
        // Hosts without a raw target (the in-memory test server) give the path decoded but for %2F.
        return Remainder(context.Request.Path.Value ?? "", prefix).Split('/').Select(s => s.Replace("%2F", "/")).ToList();
    }

    private static string Remainder(string path, string prefix)
    {
        var start = path.IndexOf(prefix, StringComparison.Ordinal);
        return start < 0 ? "" : path[(start + prefix.Length)..];
    }

    /// <summary>A Rest.li list parameter: <c>List(a,b)</c>, a bare <c>a</c>, or the parameter repeated.</summary>
    public static IReadOnlyList<string> List(HttpContext context, string name) => Expand(context.Request.Query[name]);

    /// <summary>The values of a list parameter, each of which may be <c>a,b</c> or <c>List(a,b)</c>, as one list.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string?>? values)
    {
        var items = new List<string>();
        foreach (var value in values ?? [])
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            var text = value.Trim();
            if (text.StartsWith("List(", StringComparison.Ordinal) && text.EndsWith(')'))
                text = text[5..^1];
            items.AddRange(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        return items;
    }

    /// <summary>An optional integer query parameter within bounds; anything else is a 400 naming it.</summary>
    public static int Int(HttpContext context, string name, int fallback, int min, int max)
    {
        var text = context.Request.Query[name].ToString();
        if (text.Length == 0) return fallback;
        if (!int.TryParse(text, out var value) || value < min || value > max)
            throw new ValidationException(name, $"'{text}' is not an integer from {min} to {max}");
        return value;
    }

    /// <summary>The <c>asOf</c> query parameter (<see cref="Moment"/>), or null.</summary>
    public static DateTimeOffset? AsOf(HttpContext context) => Moment.Parse(context.Request.Query["asOf"].ToString(), "asOf");

    /// <summary>A required query parameter.</summary>
    public static string Required(HttpContext context, string name)
    {
        var text = context.Request.Query[name].ToString();
        return text.Length > 0 ? text : throw new ValidationException(name, "required query parameter is missing");
    }

    /// <summary>An optional boolean query parameter (<c>true</c> / <c>false</c>).</summary>
    public static bool Bool(HttpContext context, string name, bool fallback)
    {
        var text = context.Request.Query[name].ToString();
        if (text.Length == 0) return fallback;
        return bool.TryParse(text, out var value) ? value : throw new ValidationException(name, $"'{text}' is not true or false");
    }
}
