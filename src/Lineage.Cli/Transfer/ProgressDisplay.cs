using Spectre.Console;
using Spectre.Console.Rendering;

namespace Lineage.Cli.Transfer;

/// <summary>The progress bar the transfer commands show: what, how far, how fast (entities or entries a second), how long is left.</summary>
public static class ProgressDisplay
{
    public static Progress For(IAnsiConsole console) => console.Progress()
        .AutoClear(false)
        .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
            new CountColumn(), new RemainingTimeColumn(), new SpinnerColumn());

    /// <summary>"1,234 / 5,000 · 812/s": the count done, the total, and the rate, in the task's own unit.</summary>
    private sealed class CountColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            var seconds = task.ElapsedTime?.TotalSeconds ?? 0;
            var rate = seconds > 0.5 ? $"{task.Value / seconds:N0}/s" : "–/s";
            return new Markup($"[grey]{task.Value:N0} / {task.MaxValue:N0} · {rate}[/]");
        }
    }
}
