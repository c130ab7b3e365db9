using System.Text.Json.Nodes;
using Lineage.Cli.Connection;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Json;

namespace Lineage.Cli.Views;

/// <summary>
/// What every reading command does: ask the service one question, then print its answer for a person, or with
/// <c>--json</c> as it came, for scripts.
/// </summary>
public abstract class ViewCommand<TSettings>(CliEnvironment env) : AsyncCommand<TSettings> where TSettings : ViewSettings
{
    /// <summary>The terminal the answer is shown on.</summary>
    protected IAnsiConsole Console => env.Console;

    /// <summary>The request to the service.</summary>
    protected abstract Task<JsonNode> AskAsync(LineageClient client, TSettings settings, CancellationToken ct);

    /// <summary>The answer as a person reads it: a tree, a table, panels.</summary>
    protected abstract void Show(JsonNode answer, TSettings settings);

    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken ct)
    {
        using var client = new LineageClient(env, ServerAddress.Resolve(env, settings.Server, settings.Token));
        var answer = await AskAsync(client, settings, ct);
        if (settings.Json)
        {
            env.Console.Write(new JsonText(answer.ToJsonString()));
            env.Console.WriteLine();
        }
        else
        {
            Show(answer, settings);
        }
        return ExitCode.Ok;
    }

    /// <summary>A number option as a query value, or null when it was not given.</summary>
    protected static string? Number(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
