namespace Lineage.Api.Auth;

/// <summary>Which scope a request needs, from its method and path; null for the few that need none.</summary>
public static class RequiredScope
{
    /// <summary>Probes and connection checks, answered to anyone: clients call /config before they send a token.</summary>
    private static readonly string[] Open = ["/health", "/config"];

    /// <summary>
    /// The explorer page's own files (Explorer/ExplorerHosting), which asks for a token once it is loaded; the API
    /// document and the page that reads it (ApiDocs/), which describe the API and hold no data.
    /// </summary>
    private static readonly string[] OpenPages = ["/", "/index.html", ApiDocs.ApiDocsExtensions.DocumentPath, ApiDocs.ApiDocsExtensions.PagePath];

    /// <summary>POSTs that only read.</summary>
    private static readonly string[] ReadingPosts = ["/api/graphql"];

    public static TokenScope? Of(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        if (Open.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase))) return null;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && (OpenPages.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase))
                || path.StartsWith(Explorer.ExplorerHosting.AssetPrefix + "/", StringComparison.OrdinalIgnoreCase)
                || path.StartsWith(ApiDocs.ApiDocsExtensions.PagePath + "/", StringComparison.OrdinalIgnoreCase))) return null;
        if (path.StartsWith("/api/v1/admin", StringComparison.OrdinalIgnoreCase)) return TokenScope.Admin;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)) return TokenScope.Read;
        if (ReadingPosts.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase))) return TokenScope.Read;
        if (path.Equals("/aspects", StringComparison.OrdinalIgnoreCase)
            && request.Query["action"].ToString() == "getTimeseriesAspectValues") return TokenScope.Read;
        return TokenScope.Write;
    }
}
