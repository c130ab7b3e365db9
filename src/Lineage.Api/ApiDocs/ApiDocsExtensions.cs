using System.Reflection;
using FastEndpoints.Swagger;
using NSwag;
using NSwag.Generation.Processors.Security;
using Scalar.AspNetCore;

namespace Lineage.Api.ApiDocs;

/// <summary>The OpenAPI 3 document of every endpoint at <c>/openapi/v1.json</c>, and a page to read and try it at <c>/docs</c>.</summary>
internal static class ApiDocsExtensions
{
    /// <summary>The document's name, in its path and in the page's document list.</summary>
    public const string DocumentName = "v1";

    /// <summary>Where the document is served, to anyone: it is read before a token is had.</summary>
    public const string DocumentPath = "/openapi/" + DocumentName + ".json";

    /// <summary>Where the page and its files are served, to anyone.</summary>
    public const string PagePath = "/docs";

    /// <summary>The security scheme's name, as the operations' requirements refer to it.</summary>
    public const string Scheme = "bearer";

    public static IServiceCollection AddLineageApiDocs(this IServiceCollection services) =>
        services.SwaggerDocument(o =>
        {
            // The tokens are Lineage's own (lin_<id>_<secret>), not JWTs: the scheme is declared below instead.
            o.EnableJWTBearerAuth = false;
            o.ShortSchemaNames = true;
            // A request read wholly from the route and the query needs no schema of its own.
            o.RemoveEmptyRequestSchema = true;
            // The routes' first segments (api, aspects, openapi) group badly; OperationTags names the groups.
            o.AutoTagPathSegmentIndex = 0;
            o.TagDescriptions = OperationTags.Describe;
            // The page's own endpoints (Scalar) are not part of the API.
            o.ExcludeNonFastEndpoints = true;
            o.DocumentSettings = s =>
            {
                s.DocumentName = DocumentName;
                s.Title = "Lineage";
                s.Version = Version();
                s.SchemaSettings.SchemaNameGenerator = new SchemaNames();
                // Markdown: the page renders it, so the token's shape is code, not an HTML tag.
                s.Description =
                    "Lineage keeps metadata about datasets, jobs, models and the lineage between them. It speaks DataHub's " +
                    "wire formats (Rest.li under `/aspects`, `/entities`, `/entitiesV2` and `/relationships`, OpenAPI v3 under " +
                    "`/openapi/v3/entity`, GraphQL at `/api/graphql`), so DataHub's clients and ingestion work against it, and " +
                    "adds its own `/api/v1` endpoints for lineage, impact, paths, search and administration. Every request " +
                    "except `/health`, `/config`, this document and its page needs a bearer token (`lin_<id>_<secret>`) " +
                    "whose scope (read, write or admin) covers it.";
                s.DocumentProcessors.Add(new SecurityDefinitionAppender(Scheme, new OpenApiSecurityScheme
                {
                    Type = OpenApiSecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "lin_<id>_<secret>",
                    Description = "A Lineage access token: the admin token the service writes on its first start, or one made with `POST /api/v1/admin/tokens`.",
                }));
                s.OperationProcessors.Add(new BearerRequirement());
                s.OperationProcessors.Add(new RestLiActions());
                s.OperationProcessors.Add(new OperationTags());
                s.OperationProcessors.Add(new OperationIds());
                s.OperationProcessors.Add(new UndescribedAnswers());
                s.DocumentProcessors.Add(new CatchAllRoutes());
            };
        });

    public static WebApplication UseLineageApiDocs(this WebApplication app)
    {
        app.UseOpenApi(c => c.Path = "/openapi/{documentName}.json");
        app.MapScalarApiReference(PagePath, o => o
            .WithTitle("Lineage API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .AddDocument(DocumentName)
            // The machines it runs on may have no internet: nothing may come from Scalar's CDN or go to its servers.
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            // Its toolbar offers Scalar's hosted services (deploy, SDKs), which are no part of this service.
            .HideDeveloperTools()
            .AddPreferredSecuritySchemes(Scheme));
        return app;
    }

    /// <summary>The assembly's version without the commit hash the SDK appends to it.</summary>
    private static string Version()
    {
        var assembly = typeof(ApiDocsExtensions).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                      ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
        return version.Split('+')[0];
    }
}
