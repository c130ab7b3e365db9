using Spectre.Console;

namespace Lineage.Cli.Transfer;

/// <summary>The end of an import: how many entries went in, changed nothing or were refused, and why each refusal.</summary>
public static class ImportSummary
{
    /// <summary>Refusals listed one by one; past this many, a count of the rest.</summary>
    private const int Listed = 50;

    public static void Write(IAnsiConsole console, ImportBatches batches)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("entries", "written", "unchanged", "refused");
        table.AddRow($"{batches.Entries:N0}", $"[green]{batches.Written:N0}[/]", $"{batches.Unchanged:N0}",
            batches.Refused.Count == 0 ? "0" : $"[red]{batches.Refused.Count:N0}[/]");
        console.Write(table);
        if (batches.Refused.Count == 0) return;

        var refused = new Table().Border(TableBorder.Simple).Title("refused").AddColumns("file", "entry", "line", "status", "why");
        foreach (var r in batches.Refused.Take(Listed))
            refused.AddRow(Markup.Escape(Path.GetFileName(r.Source)), $"{r.Index}", r.Line?.ToString() ?? "", $"{r.Status}",
                Markup.Escape($"{r.Path}: {r.Reason}"));
        console.Write(refused);
        if (batches.Refused.Count > Listed) console.MarkupLine($"[grey]… and {batches.Refused.Count - Listed:N0} more[/]");
    }
}
