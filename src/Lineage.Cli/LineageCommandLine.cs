using Lineage.Cli.Transfer;
using Lineage.Cli.Views;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Lineage.Cli;

/// <summary>
/// The <c>lineage</c> command line: its commands, and how a failure ends (one line on stderr, <see cref="ExitCode"/>).
/// </summary>
public static class LineageCommandLine
{
    public static async Task<int> RunAsync(string[] args, CliEnvironment env, CancellationToken ct = default)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("lineage");
            config.SetApplicationVersion(typeof(LineageCommandLine).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            config.ConfigureConsole(env.Console);
            config.Settings.Registrar.RegisterInstance(env);
            config.PropagateExceptions();
            config.AddCommand<ExportCommand>("export").WithDescription("Write the whole catalog to a DataHub metadata file")
                .WithExample("export", "--out", "catalog.json", "--history");
            config.AddCommand<ImportCommand>("import").WithDescription("Load DataHub metadata files (MCEs and MCPs), in batches")
                .WithExample("import", "mlflow_mcps_golden.json");
            config.AddCommand<MigrateCommand>("migrate").WithDescription("Copy a catalog with its history into another service, then check the copy")
                .WithExample("migrate", "--from", "http://localhost:8080", "--to", "http://localhost:8081");
            config.AddCommand<LineageCommand>("lineage").WithDescription("Where an entity comes from and what it feeds, as a tree");
            config.AddCommand<ImpactCommand>("impact").WithDescription("What a change to an entity reaches, and whom to tell");
            config.AddCommand<PathCommand>("path").WithDescription("The shortest lineage path between two entities");
            config.AddCommand<SearchCommand>("search").WithDescription("Find entities by name, description, tags …");
            config.AddCommand<GetCommand>("get").WithDescription("An entity's latest aspects");
        });
        try
        {
            return await app.RunAsync(args, ct);
        }
        catch (CliException e)
        {
            return Fail(env, e.ExitCode, e.Message);
        }
        catch (CommandAppException e)
        {
            return Fail(env, ExitCode.BadInput, e.Message);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return Fail(env, ExitCode.Cancelled, "cancelled");
        }
        catch (Exception e)
        {
            return Fail(env, ExitCode.Failed, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static int Fail(CliEnvironment env, int code, string message)
    {
        env.Error.WriteLine($"lineage: {message.ReplaceLineEndings(" ")}");
        return code;
    }
}
