using System.ComponentModel;
using System.Text.Json.Nodes;
using Lineage.Cli.Connection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Lineage.Cli.Views;

/// <summary><c>lineage lineage URN</c>: where an entity comes from and what it feeds, as a tree (<c>GET /api/v1/lineage</c>).</summary>
public sealed class LineageCommand(CliEnvironment env) : ViewCommand<LineageCommand.Settings>(env)
{
    /// <summary>The arguments and options of <c>lineage lineage</c>.</summary>
    public sealed class Settings : ViewSettings
    {
        [CommandArgument(0, "<URN>")]
        [Description("The entity to start from")]
        public string Urn { get; init; } = "";

        [CommandOption("-d|--direction <DIRECTION>")]
        [Description("upstream, downstream or both (the default)")]
        public string? Direction { get; init; }

        [CommandOption("--hops <N>")]
        [Description("How many hops to walk (the service's default, 3, when absent)")]
        public int? Hops { get; init; }

        [CommandOption("--columns")]
        [Description("Walk column lineage (granularity=column)")]
        public bool Columns { get; init; }
    }

    protected override Task<JsonNode> AskAsync(LineageClient client, Settings settings, CancellationToken ct) =>
        client.GetAsync("/api/v1/lineage", ct, ("urn", settings.Urn), ("direction", settings.Direction),
            ("maxHops", Number(settings.Hops)), ("granularity", settings.Columns ? "column" : null));

    protected override void Show(JsonNode answer, Settings settings)
    {
        Console.Write(Render(answer, settings.Direction?.ToLowerInvariant()));
        if (answer["truncated"]?.GetValue<bool>() == true)
            Console.MarkupLine("[yellow]The answer was cut at the node limit; ask for fewer hops.[/]");
    }

    /// <summary>The root, and below it the upstream and downstream trees: each entity once, at its fewest hops.</summary>
    public static Tree Render(JsonNode answer, string? direction)
    {
        var nodes = answer["nodes"]!.AsArray().ToDictionary(n => n!["urn"]!.GetValue<string>(), n => n);
        var root = answer["root"]!["urn"]!.GetValue<string>();
        var edges = answer["edges"]!.AsArray()
            .Select(e => (Up: e!["upstream"]!.GetValue<string>(), Down: e["downstream"]!.GetValue<string>(), Rel: e["relationship"]!.GetValue<string>()))
            .ToList();
        var tree = new Tree(EntityLabel.Of(answer["root"]));
        if (direction is null or "" or "both" or "upstream")
            Grow(Branch(tree, direction, "▲ upstream"), root, edges.ToLookup(e => e.Down, e => (Next: e.Up, e.Rel)), nodes);
        if (direction is null or "" or "both" or "downstream")
            Grow(Branch(tree, direction, "▼ downstream"), root, edges.ToLookup(e => e.Up, e => (Next: e.Down, e.Rel)), nodes);
        return tree;
    }

    private static IHasTreeNodes Branch(Tree tree, string? direction, string label) =>
        direction is "upstream" or "downstream" ? tree : tree.AddNode($"[grey]{label}[/]");

    /// <summary>Breadth first, so each entity hangs where it is fewest hops away; one met again is named, not expanded.</summary>
    private static void Grow(IHasTreeNodes top, string root, ILookup<string, (string Next, string Rel)> next, Dictionary<string, JsonNode?> nodes)
    {
        var placed = new HashSet<string>(StringComparer.Ordinal) { root };
        var frontier = new List<(string Urn, IHasTreeNodes Node)> { (root, top) };
        while (frontier.Count > 0)
        {
            var following = new List<(string, IHasTreeNodes)>();
            foreach (var (urn, node) in frontier)
            {
                foreach (var (child, rel) in next[urn].Distinct().OrderBy(c => c.Next, StringComparer.Ordinal))
                {
                    if (!placed.Add(child))
                    {
                        node.AddNode(EntityLabel.Via(rel) + $"[grey]↺ {Markup.Escape(Name(nodes, child))} (shown above)[/]");
                        continue;
                    }
                    var label = nodes.TryGetValue(child, out var n) ? EntityLabel.Of(n) : EntityLabel.OfUrn(child);
                    following.Add((child, node.AddNode(EntityLabel.Via(rel) + label)));
                }
            }
            frontier = following;
        }
    }

    private static string Name(Dictionary<string, JsonNode?> nodes, string urn) =>
        nodes.TryGetValue(urn, out var n) && n?["name"]?.GetValue<string>() is { } name ? name : urn;
}
