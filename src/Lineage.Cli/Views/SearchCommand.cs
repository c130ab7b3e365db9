using System.ComponentModel;
using Lineage.Cli.Connection;
using Spectre.Console;
using Spectre.Console.Cli;
using System.Text.Json.Nodes;

namespace Lineage.Cli.Views;

/// <summary><c>lineage search QUERY</c>: the best matches first, each with its urn (<c>GET /api/v1/search</c>).</summary>
public sealed class SearchCommand(CliEnvironment env) : ViewCommand<SearchCommand.Settings>(env)
{
    /// <summary>The arguments and options of <c>lineage search</c>.</summary>
    public sealed class Settings : ViewSettings
    {
        [CommandArgument(0, "<QUERY>")]
        [Description("What to look for: words, \"a phrase\", name:prefix*")]
        public string Query { get; init; } = "";

        [CommandOption("-t|--type <TYPES>")]
        [Description("Only these entity types, comma separated (mlModel,dataset)")]
        public string? Types { get; init; }

        [CommandOption("-n|--count <N>")]
        [Description("How many results (10 when absent)")]
        public int? Count { get; init; }
    }

    protected override Task<JsonNode> AskAsync(LineageClient client, Settings settings, CancellationToken ct) =>
        client.GetAsync("/api/v1/search", ct, ("q", settings.Query), ("types", settings.Types), ("count", Number(settings.Count)));

    protected override void Show(JsonNode answer, Settings settings)
    {
        // One result to two lines, the urn whole on its own, so it can be copied even in a narrow terminal.
        var results = answer["results"]!.AsArray();
        var rank = 0;
        foreach (var r in results)
        {
            var platform = r!["platform"]?.GetValue<string>() is { } p ? " · " + p[(p.LastIndexOf(':') + 1)..] : "";
            var description = r["description"]?.GetValue<string>() is { Length: > 0 } d ? "  " + (d.Length > 80 ? d[..80] + "…" : d) : "";
            Console.MarkupLine($"[grey]{++rank,3}[/]  [bold]{Markup.Escape(r["name"]?.GetValue<string>() ?? "")}[/] " +
                $"[grey]{Markup.Escape(r["entityType"]!.GetValue<string>() + platform)}[/]{Markup.Escape(description)}");
            Console.MarkupLine($"     [grey]{Markup.Escape(r["urn"]!.GetValue<string>())}[/]");
        }
        Console.MarkupLineInterpolated($"[grey]{results.Count} of {answer["total"]!.GetValue<long>():N0} matches[/]");
    }
}
