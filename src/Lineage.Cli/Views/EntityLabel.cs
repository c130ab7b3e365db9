using System.Text.Json.Nodes;
using Spectre.Console;

namespace Lineage.Cli.Views;

/// <summary>How an entity reads in the terminal: its name in bold, then its type and platform, then its urn, dim.</summary>
public static class EntityLabel
{
    /// <summary>A node of a lineage or impact answer (<c>{urn, entityType, name, platform, removed, deprecated}</c>).</summary>
    public static string Of(JsonNode? node)
    {
        var urn = node?["urn"]?.GetValue<string>() ?? "";
        var name = node?["name"]?.GetValue<string>();
        var type = node?["entityType"]?.GetValue<string>();
        var platform = node?["platform"]?.GetValue<string>() is { } p ? p[(p.LastIndexOf(':') + 1)..] : null;
        var flags = (node?["removed"]?.GetValue<bool>() == true ? " [red]removed[/]" : "")
                    + (node?["deprecated"]?.GetValue<bool>() == true ? " [yellow]deprecated[/]" : "");
        var kind = string.Join(" · ", new[] { type, platform }.OfType<string>());
        return $"[bold]{Markup.Escape(name ?? urn)}[/] [grey]{Markup.Escape(kind)}[/]{flags}" + (name is null ? "" : $"  [grey dim]{Markup.Escape(urn)}[/]");
    }

    /// <summary>An urn alone, for entities the answer says nothing more of.</summary>
    public static string OfUrn(string urn) => $"[grey dim]{Markup.Escape(urn)}[/]";

    /// <summary>A relationship on the way to a node.</summary>
    public static string Via(string relationship) => $"[blue]{Markup.Escape(relationship)}[/] ";
}
