using System.ComponentModel;
using Lineage.Cli.Connection;
using Spectre.Console;
using Spectre.Console.Cli;
using System.Text.Json.Nodes;

namespace Lineage.Cli.Views;

/// <summary><c>lineage path FROM TO</c>: the shortest lineage path between two entities, a hop a line (<c>GET /api/v1/lineage/path</c>).</summary>
public sealed class PathCommand(CliEnvironment env) : ViewCommand<PathCommand.Settings>(env)
{
    /// <summary>The arguments and options of <c>lineage path</c>.</summary>
    public sealed class Settings : ViewSettings
    {
        [CommandArgument(0, "<FROM>")]
        [Description("Where the path starts")]
        public string From { get; init; } = "";

        [CommandArgument(1, "<TO>")]
        [Description("Where it ends")]
        public string To { get; init; } = "";

        [CommandOption("--hops <N>")]
        [Description("The longest path to look for (the service's limit, 10, when absent)")]
        public int? Hops { get; init; }
    }

    protected override Task<JsonNode> AskAsync(LineageClient client, Settings settings, CancellationToken ct) =>
        client.GetAsync("/api/v1/lineage/path", ct, ("from", settings.From), ("to", settings.To), ("maxHops", Number(settings.Hops)));

    protected override void Show(JsonNode answer, Settings settings)
    {
        var urns = answer["path"]!["urns"]!.AsArray().Select(u => u!.GetValue<string>()).ToList();
        var relationships = answer["path"]!["relationships"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        var direction = answer["direction"]!.GetValue<string>();
        Console.MarkupLineInterpolated($"[grey]{relationships.Count} hops {direction}[/]");
        Console.MarkupLine($"  [bold]{Markup.Escape(urns[0])}[/]");
        for (var i = 0; i < relationships.Count; i++)
            Console.MarkupLine($"  [grey]{(direction == "downstream" ? "↓" : "↑")}[/] {EntityLabel.Via(relationships[i])}\n  [bold]{Markup.Escape(urns[i + 1])}[/]");
    }
}
