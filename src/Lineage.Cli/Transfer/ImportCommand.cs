using System.ComponentModel;
using Lineage.Cli.Connection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Lineage.Cli.Transfer;

/// <summary>
/// <c>lineage import FILE... [--from N]</c>: DataHub metadata files (MCE and MCP entries, as DataHub's connectors and
/// <c>lineage export</c> write them) into the catalog, in batches, ending with what was refused and why.
/// </summary>
public sealed class ImportCommand(CliEnvironment env) : AsyncCommand<ImportCommand.Settings>
{
    /// <summary>The arguments and options of <c>lineage import</c>.</summary>
    public sealed class Settings : ServerSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("DataHub metadata files: JSON arrays of MCEs (proposedSnapshot) and MCPs (aspect.json or aspect.value)")]
        public string[] Files { get; init; } = [];

        [CommandOption("--from <N>")]
        [Description("Start at entry N of the first file (its index from 0), to resume an import that stopped")]
        public long From { get; init; }

        public override ValidationResult Validate() =>
            From < 0 ? ValidationResult.Error("--from must be 0 or more") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        var files = settings.Files.Select(f => Path.GetFullPath(f, env.WorkingDirectory)).ToList();
        foreach (var file in files.Where(f => !File.Exists(f))) throw new CliException(ExitCode.BadInput, $"{file}: no such file");
        using var client = new LineageClient(env, ServerAddress.Resolve(env, settings.Server, settings.Token));
        var batches = new ImportBatches(client);
        var total = files.Sum(f => new FileInfo(f).Length);
        var current = files[0];
        try
        {
            await ProgressDisplay.For(env.Console, ProgressUnit.Bytes).StartAsync(async progress =>
            {
                var task = progress.AddTask("importing", maxValue: Math.Max(total, 1));
                var clock = System.Diagnostics.Stopwatch.StartNew();
                long done = 0, read = 0;
                foreach (var file in files)
                {
                    current = file;
                    await using var reader = DataHubFileReader.Open(file);
                    var from = file == files[0] ? settings.From : 0;
                    while (await reader.NextAsync(ct) is { } entry)
                    {
                        if (entry.Index < from) continue;
                        await batches.AddAsync(file, entry, ct);
                        task.Value = done + reader.Position;
                        task.Description = Markup.Escape(
                            $"importing {Path.GetFileName(file)} · {++read:N0} entries · {read / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0} entries/s");
                    }
                    await batches.FlushAsync(ct);
                    done += new FileInfo(file).Length;
                    task.Value = done;
                }
                task.Value = task.MaxValue;
            });
        }
        catch (CliException e) when (e.ExitCode is ExitCode.Unreachable or ExitCode.Refused)
        {
            throw new CliException(e.ExitCode, $"{e.Message}; {Resume(files, current, batches)}");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw new CliException(ExitCode.Cancelled, $"cancelled; {Resume(files, current, batches)}");
        }
        ImportSummary.Write(env.Console, batches);
        return batches.Refused.Count == 0 ? ExitCode.Ok : ExitCode.Incomplete;
    }

    /// <summary>What is in, and the command that goes on from the first entry the service has not acknowledged.</summary>
    private string Resume(List<string> files, string current, ImportBatches batches)
    {
        // A batch is sent when the next file starts, so the entries not yet in may be the previous file's.
        if (batches.Source.Length > 0) current = batches.Source;
        var rest = string.Join(' ', files.SkipWhile(f => f != current).Select(f => $"\"{Path.GetRelativePath(env.WorkingDirectory, f)}\""));
        return $"entries before {batches.NextUnsent} of {current} are in, resume with: lineage import {rest} --from {batches.NextUnsent}";
    }
}
