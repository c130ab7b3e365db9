using FastEndpoints;
using Lineage.Api.ApiDocs;
using Lineage.Api.Auth;
using Lineage.Api.Errors;
using Lineage.Api.Explorer;
using Lineage.Api.GraphQL;
using Lineage.Api.Health;
using Lineage.Api.Limits;
using Lineage.Graph.Hosting;
using Lineage.Search;
using Lineage.Search.Indexing;

if (HealthCheckCommand.Requested(args)) return await HealthCheckCommand.RunAsync();

var builder = WebApplication.CreateBuilder(args);
// `--reindex` rebuilds the search index from the change feed at start-up.
if (args.Contains("--reindex")) builder.Configuration[IndexFeeder.RebuildOnStartKey] = "true";
builder.Services.AddLineageGraph();
builder.Services.AddLineageSearch();
builder.Services.AddLineageAuth();
builder.Services.AddLineageLimits();
builder.Services.AddLineageGraphQL();
builder.Services.AddFastEndpoints(o => o.IncludeAbstractValidators = false);
builder.Services.AddLineageApiDocs();

var app = builder.Build();
app.UseLineageErrors();
// The page's files are public; everything after this needs a token (Auth/RequiredScope).
app.UseLineageExplorer();
app.UseLineageAuth();
app.UseLineageLimits();
app.UseFastEndpoints(c =>
{
    c.Serializer.Options.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
    // Enums in answers read as the query parameters spell them ("direction": "upstream"), not as numbers.
    c.Serializer.Options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
    // Aspect values carry user text; keep it readable rather than \u-escaped.
    c.Serializer.Options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
});
app.UseLineageApiDocs();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
