using Spectre.Console;
using Spectre.Console.Rendering;

namespace Lineage.Cli.Transfer;

/// <summary>What a progress bar counts: entities (export, migrate) or bytes of the files read (import).</summary>
public enum ProgressUnit
{
    Entities,
    Bytes,
}

/// <summary>The progress bar the transfer commands show: what, how far, how fast, how long is left.</summary>
public static class ProgressDisplay
{
    public static Progress For(IAnsiConsole console, ProgressUnit unit) => console.Progress()
        .AutoClear(false)
        .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
            new CountColumn(unit), new RemainingTimeColumn(), new SpinnerColumn());

    /// <summary>"1,234 / 5,000 · 812/s" entities, or "1.2 MB / 4.0 MB": how much is done of how much.</summary>
    private sealed class CountColumn(ProgressUnit unit) : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            if (unit == ProgressUnit.Bytes) return new Markup($"[grey]{Size(task.Value)} / {Size(task.MaxValue)}[/]");
            var seconds = task.ElapsedTime?.TotalSeconds ?? 0;
            var rate = seconds > 0.5 ? $"{task.Value / seconds:N0}/s" : "–/s";
            return new Markup($"[grey]{task.Value:N0} / {task.MaxValue:N0} · {rate}[/]");
        }

        private static string Size(double bytes) =>
            bytes >= 1 << 30 ? $"{bytes / (1 << 30):0.0} GB" : bytes >= 1 << 20 ? $"{bytes / (1 << 20):0.0} MB" : $"{bytes / 1024:0.0} KB";
    }
}
