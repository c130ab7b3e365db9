using FastEndpoints;
using Lineage.Api.ApiDocs;
using Lineage.Api.Auth;
using Lineage.Api.Errors;
using Lineage.Api.Explorer;
using Lineage.Api.GraphQL;
using Lineage.Api.Health;
using Lineage.Api.Limits;
using Lineage.Api.Wire;
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
builder.Services.AddLineageWire();
builder.Services.AddFastEndpoints(o => o.IncludeAbstractValidators = false);
builder.Services.AddLineageApiDocs();

var app = builder.Build();
app.UseLineageErrors();
// The page's files and the API document are public and served before routing; every endpoint declares its own
// scope (Auth/Scope).
app.UseLineageExplorer();
app.UseLineageApiDocs();
app.UseRouting();
app.UseLineageAuth();
app.UseLineageLimits();
app.UseLineageEndpoints();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
