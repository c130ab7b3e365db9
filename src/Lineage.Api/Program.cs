using FastEndpoints;
using Lineage.Api.ApiDocs;
using Lineage.Api.Auth;
using Lineage.Api.Changes.Webhooks;
using Lineage.Api.Consistency;
using Lineage.Api.Errors;
using Lineage.Api.Explorer;
using Lineage.Api.GraphQL;
using Lineage.Api.Health;
using Lineage.Api.Limits;
using Lineage.Api.Startup;
using Lineage.Api.Wire;
using Lineage.Graph.Hosting;
using Lineage.Search;
using Lineage.Search.Indexing;

if (HealthCheckCommand.Requested(args)) return await HealthCheckCommand.RunAsync();
var command = CommandLine.Parse(args);
if (command.Help) return Usage.Print(Console.Out);
var console = new StartupConsole(Console.Out, Console.Error);
if (command.Problem is { } problem) return console.Fail(StartupFailure.BadArgument(problem));

WebApplication? app = null;
try
{
    var builder = WebApplication.CreateBuilder(command.Settings);
    console.Watch(builder);
    // `--reindex` rebuilds the search index from the change feed at start-up.
    if (command.Reindex) builder.Configuration[IndexFeeder.RebuildOnStartKey] = "true";
    builder.Services.AddLineageGraph();
    builder.Services.AddLineageSearch();
    builder.Services.AddLineageConsistency();
    builder.Services.AddLineageAuth();
    builder.Services.AddLineageLimits();
    builder.Services.AddLineageGraphQL();
    builder.Services.AddLineageWire();
    builder.Services.AddLineageWebhooks();
    builder.Services.AddFastEndpoints(o => o.IncludeAbstractValidators = false);
    builder.Services.AddLineageApiDocs();

    app = builder.Build();
    app.UseLineageErrors();
    // The page's files and the API document are public and served before routing; every endpoint declares its own
    // scope (Auth/Scope).
    app.UseLineageExplorer();
    app.UseLineageApiDocs();
    app.UseRouting();
    app.UseLineageAuth();
    app.UseLineageLimits();
    app.UseLineageConsistency();
    app.UseLineageEndpoints();
    await app.StartAsync();
}
catch (Exception e) when (console.Active)
{
    return await console.FailAsync(e, app);
}
console.Started(app);
await app.WaitForShutdownAsync();
await app.DisposeAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
