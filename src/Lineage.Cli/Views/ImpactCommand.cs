using System.ComponentModel;
using System.Text.Json.Nodes;
using Lineage.Cli.Connection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Lineage.Cli.Views;

/// <summary>
/// <c>lineage impact URN</c>: what a change to an entity reaches (<c>GET /api/v1/impact</c>): the affected entities as a
/// tree of the paths that reach them, how many of each type, and the owners to tell.
/// </summary>
public sealed class ImpactCommand(CliEnvironment env) : ViewCommand<ImpactCommand.Settings>(env)
{
    /// <summary>The arguments and options of <c>lineage impact</c>.</summary>
    public sealed class Settings : ViewSettings
    {
        [CommandArgument(0, "<URN>")]
        [Description("The entity that changes")]
        public string Urn { get; init; } = "";

        [CommandOption("--hops <N>")]
        [Description("How far downstream to look (the service's limit, 10, when absent)")]
        public int? Hops { get; init; }

        [CommandOption("--count <N>")]
        [Description("How many affected entities to list, nearest first (100 when absent); the totals cover all")]
        public int? Count { get; init; }
    }

    protected override Task<JsonNode> AskAsync(LineageClient client, Settings settings, CancellationToken ct) =>
        client.GetAsync("/api/v1/impact", ct, ("urn", settings.Urn), ("maxHops", Number(settings.Hops)), ("count", Number(settings.Count)));

    protected override void Show(JsonNode answer, Settings settings)
    {
        foreach (var part in Render(answer)) Console.Write(part);
    }

    /// <summary>The tree of paths, then the counts by type, then the owners.</summary>
    public static IEnumerable<Spectre.Console.Rendering.IRenderable> Render(JsonNode answer)
    {
        var affected = answer["affected"]!.AsArray();
        var known = affected.ToDictionary(a => a!["entity"]!["urn"]!.GetValue<string>(), a => a!["entity"]);
        var total = answer["total"]!.GetValue<int>();
        var tree = new Tree(EntityLabel.Of(answer["root"]) + $"  [red]{total:N0} affected[/]");
        var branches = new Dictionary<string, TreeNode>(StringComparer.Ordinal);
        foreach (var entry in affected)
        {
            var urns = entry!["path"]!["urns"]!.AsArray().Select(u => u!.GetValue<string>()).ToList();
            var relationships = entry["path"]!["relationships"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
            IHasTreeNodes parent = tree;
            for (var i = 1; i < urns.Count; i++)
            {
                var key = string.Join('\n', urns.Take(i + 1));
                if (!branches.TryGetValue(key, out var node))
                {
                    var label = known.TryGetValue(urns[i], out var n) ? EntityLabel.Of(n) : EntityLabel.OfUrn(urns[i]);
                    branches[key] = node = parent.AddNode(EntityLabel.Via(relationships[i - 1]) + label);
                }
                parent = node;
            }
        }
        yield return tree;
        if (affected.Count < total) yield return new Markup($"[grey]{affected.Count:N0} of {total:N0} listed, nearest first (--count for more)[/]\n");

        var counts = new Table().Border(TableBorder.Rounded).AddColumns("type", "affected");
        foreach (var (type, count) in answer["countsByType"]!.AsObject()) counts.AddRow(Markup.Escape(type), $"{count!.GetValue<int>():N0}");
        yield return counts;

        var owners = answer["owners"]!.AsArray();
        if (owners.Count == 0) yield break;
        var table = new Table().Border(TableBorder.Rounded).ShowRowSeparators().Title("owners to tell").AddColumns("owner", "of");
        foreach (var owner in owners)
            table.AddRow(Markup.Escape(owner!["owner"]!.GetValue<string>()),
                Markup.Escape(string.Join('\n', owner["entities"]!.AsArray().Select(e => e!.GetValue<string>()))));
        yield return table;
    }
}
