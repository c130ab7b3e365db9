using Microsoft.Extensions.FileProviders;

namespace Lineage.Api.Explorer;

/// <summary>Serves the Lineage explorer (the web page built from Explorer/) at <c>/</c>, its files under <c>/explorer/</c>.</summary>
public static class ExplorerHosting
{
    /// <summary>Where the page's files are served from, before routing and so before any token check.</summary>
    public const string AssetPrefix = "/explorer";

    public static IApplicationBuilder UseLineageExplorer(this IApplicationBuilder app)
    {
        // The build copies the page next to the assembly, so this holds for dotnet run, the test host, bin and Docker alike.
        var root = Path.Combine(AppContext.BaseDirectory, "explorer");
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ExplorerHosting))
                .LogWarning("The explorer page is not in {Root}; was the project built without Node.js/npm?", root);
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.Use(async (context, next) =>
        {
            // The page itself at / (hash routing needs nothing else); the API keeps every other path.
            var path = context.Request.Path;
            if ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                && (path == "/" || path.Equals("/index.html", StringComparison.OrdinalIgnoreCase)))
                context.Request.Path = AssetPrefix + "/index.html";
            await next(context);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = AssetPrefix,
            OnPrepareResponse = static c =>
                // The bundle names carry no hash: revalidate, so a new build is picked up at once.
                c.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }
}
