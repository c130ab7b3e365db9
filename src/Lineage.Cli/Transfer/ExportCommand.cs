using System.ComponentModel;
using System.Text.Encodings.Web;
using System.Text.Json;
using Lineage.Cli.Connection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Lineage.Cli.Transfer;

/// <summary><c>lineage export --out FILE [--history]</c>: the whole catalog as one DataHub metadata file.</summary>
public sealed class ExportCommand(CliEnvironment env) : AsyncCommand<ExportCommand.Settings>
{
    /// <summary>The arguments and options of <c>lineage export</c>.</summary>
    public sealed class Settings : ServerSettings
    {
        [CommandOption("-o|--out <FILE>")]
        [Description("The file to write: a JSON array of proposals (aspect.json), DataHub's file format")]
        public string Out { get; init; } = "";

        [CommandOption("--history")]
        [Description("Every kept version of every aspect, oldest first, so that an import recreates them; else the latest of each")]
        public bool History { get; init; }

        public override ValidationResult Validate() =>
            Out.Length == 0 ? ValidationResult.Error("--out FILE is required") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        using var client = new LineageClient(env, ServerAddress.Resolve(env, settings.Server, settings.Token));
        var path = Path.GetFullPath(settings.Out, env.WorkingDirectory);
        var (entities, entries) = await WriteAsync(client, path, settings.History, ct);
        env.Console.MarkupLineInterpolated(
            $"Exported [bold]{entities:N0}[/] entities as [bold]{entries:N0}[/] entries{(settings.History ? " (every version)" : "")} to {path} ({new FileInfo(path).Length:N0} bytes)");
        return ExitCode.Ok;
    }

    /// <summary>
    /// Streams the catalog to <paramref name="path"/>, a page at a time, through a file beside it that replaces it only
    /// when complete, so an interrupted export never leaves a file that looks whole.
    /// </summary>
    private async Task<(long Entities, long Entries)> WriteAsync(LineageClient client, string path, bool history, CancellationToken ct)
    {
        var partial = path + ".partial";
        long entities = 0, entries = 0;
        try
        {
            await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            await using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
            {
                // DataHub's file sink writes each record indented by 4.
                Indented = true, IndentSize = 4, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }))
            {
                writer.WriteStartArray();
                await ProgressDisplay.For(env.Console, ProgressUnit.Entities).StartAsync(async progress =>
                {
                    var task = progress.AddTask($"exporting {client.Server.Authority}", maxValue: 1);
                    await foreach (var page in CatalogPages.ReadAsync(client, history, ct))
                    {
                        foreach (var entry in page.Entries) entry.WriteTo(writer);
                        await writer.FlushAsync(ct);
                        entities += page.Entities;
                        entries += page.Entries.Count;
                        task.MaxValue = Math.Max(Math.Max(page.EstimatedTotal, entities), 1);
                        task.Value = entities;
                    }
                    task.Value = task.MaxValue = Math.Max(entities, 1);
                });
                writer.WriteEndArray();
            }
            File.Move(partial, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCode.BadInput, $"cannot write {path}: {e.Message}");
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }
        return (entities, entries);
    }
}
