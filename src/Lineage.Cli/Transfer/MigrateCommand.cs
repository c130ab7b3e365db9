using System.ComponentModel;
using System.Text.Json.Nodes;
using Lineage.Cli.Connection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Lineage.Cli.Transfer;

/// <summary>
/// <c>lineage migrate --from URL --to URL</c>: copies one service's catalog, every version included, into another (say
/// from the embedded store to Neo4j), then checks the copy: the entity count, each aspect's version count, and a sample
/// of entities read whole from both. Any difference is listed and the exit code is non-zero.
/// </summary>
public sealed class MigrateCommand(CliEnvironment env) : AsyncCommand<MigrateCommand.Settings>
{
    /// <summary>How many entities are read whole from both sides and compared.</summary>
    public const int Sample = 25;

    /// <summary>Differences listed one by one; past this many, a count of the rest.</summary>
    private const int Listed = 50;

    /// <summary>The arguments and options of <c>lineage migrate</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--from <URL>")]
        [Description("The service to copy from")]
        public string? From { get; init; }

        [CommandOption("--to <URL>")]
        [Description("The service to copy into; its store should be empty, else the check counts what it had")]
        public string? To { get; init; }

        [CommandOption("--from-token <TOKEN>")]
        [Description("A token for the source (read); else LINEAGE_TOKEN, else the local admin token file")]
        public string? FromToken { get; init; }

        [CommandOption("--to-token <TOKEN>")]
        [Description("An admin token for the target (restoring versions takes one); else LINEAGE_TOKEN, else the local admin token file")]
        public string? ToToken { get; init; }

        public override ValidationResult Validate() =>
            From is null || To is null ? ValidationResult.Error("--from URL and --to URL are required")
            : From == To ? ValidationResult.Error("--from and --to name the same service")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        using var source = new LineageClient(env, ServerAddress.Resolve(env, settings.From, settings.FromToken, "--from", "--from-token"));
        using var target = new LineageClient(env, ServerAddress.Resolve(env, settings.To, settings.ToToken, "--to", "--to-token"));
        var batches = new ImportBatches(target);
        CatalogInventory? before = null, after = null;
        await ProgressDisplay.For(env.Console, ProgressUnit.Entities).StartAsync(async progress =>
        {
            var copy = progress.AddTask($"copying {source.Server.Authority} → {target.Server.Authority}", maxValue: 1);
            long index = 0, entities = 0;
            var name = $"the export of {source.Server}";
            await foreach (var page in CatalogPages.ReadAsync(source, history: true, ct))
            {
                foreach (var entry in page.Entries)
                    await batches.AddAsync(name, new FileEntry(index++, 0, entry, entry.ToJsonString().Length), ct);
                entities += page.Entities;
                copy.MaxValue = Math.Max(Math.Max(page.EstimatedTotal, entities), 1);
                copy.Value = entities;
            }
            await batches.FlushAsync(ct);
            copy.Value = copy.MaxValue = Math.Max(entities, 1);

            var check = progress.AddTask("checking the copy", maxValue: Math.Max(2 * entities, 1));
            before = await CatalogInventory.ReadAsync(source, n => check.Increment(n), ct);
            after = await CatalogInventory.ReadAsync(target, n => check.Increment(n), ct);
            check.Value = check.MaxValue;
        });

        var differences = before!.Differences(after!).ToList();
        var sampled = Sampled(before!);
        foreach (var urn in sampled)
        {
            var (a, b) = (await SnapshotAsync(source, urn, ct), await SnapshotAsync(target, urn, ct));
            if (a != b) differences.Add($"{urn}: read whole, it differs");
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("", source.Server.Authority, target.Server.Authority);
        table.AddRow("entities", $"{before!.Entities:N0}", $"{after!.Entities:N0}");
        table.AddRow("aspect versions", $"{before.Versions:N0}", $"{after.Versions:N0}");
        table.AddRow("entities read whole and compared", $"{sampled.Count:N0}", $"{sampled.Count:N0}");
        env.Console.Write(table);
        if (batches.Refused.Count > 0) ImportSummary.Write(env.Console, batches);
        foreach (var line in differences.Take(Listed)) env.Console.MarkupLineInterpolated($"[red]differs[/] {line}");
        if (differences.Count > Listed) env.Console.MarkupLine($"[grey]… and {differences.Count - Listed:N0} more differences[/]");

        var ok = differences.Count == 0 && batches.Refused.Count == 0;
        env.Console.MarkupLine(ok ? "[green]The copy matches.[/]" : $"[red]The copy does not match: {differences.Count:N0} differences, {batches.Refused.Count:N0} entries refused.[/]");
        return ok ? ExitCode.Ok : ExitCode.Incomplete;
    }

    /// <summary>Entities spread evenly over the catalog.</summary>
    private static List<string> Sampled(CatalogInventory inventory)
    {
        var urns = inventory.Urns.ToList();
        var step = Math.Max(1, urns.Count / Sample);
        return [.. urns.Where((_, i) => i % step == 0).Take(Sample)];
    }

    /// <summary>The entity as DataHub's v2 read serves it (every latest aspect with its version, time and system metadata), in a canonical form.</summary>
    private static async Task<string> SnapshotAsync(LineageClient client, string urn, CancellationToken ct)
    {
        try
        {
            return Canonical(await client.GetAsync("/entitiesV2/" + LineageClient.Segment(urn), ct));
        }
        catch (CliException e) when (e.ExitCode == ExitCode.NotFound)
        {
            return "absent";
        }
    }

    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{Canonical(p.Value)}")) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };
}
