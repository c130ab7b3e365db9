using System.ComponentModel;
using System.Text.Json.Nodes;
using Lineage.Cli.Connection;
using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Json;

namespace Lineage.Cli.Views;

/// <summary><c>lineage get URN</c>: an entity's latest aspects, each with its revision and when and by whom it was written (<c>GET /entitiesV2/{urn}</c>).</summary>
public sealed class GetCommand(CliEnvironment env) : ViewCommand<GetCommand.Settings>(env)
{
    /// <summary>The arguments and options of <c>lineage get</c>.</summary>
    public sealed class Settings : ViewSettings
    {
        [CommandArgument(0, "<URN>")]
        [Description("The entity")]
        public string Urn { get; init; } = "";

        [CommandOption("-a|--aspect <NAMES>")]
        [Description("Only these aspects, comma separated")]
        public string? Aspects { get; init; }
    }

    protected override Task<JsonNode> AskAsync(LineageClient client, Settings settings, CancellationToken ct) =>
        client.GetAsync("/entitiesV2/" + LineageClient.Segment(settings.Urn), ct,
            ("aspects", settings.Aspects is null ? null : $"List({settings.Aspects})"));

    protected override void Show(JsonNode answer, Settings settings)
    {
        Console.MarkupLine($"[bold]{Markup.Escape(answer["urn"]?.GetValue<string>() ?? settings.Urn)}[/]");
        foreach (var (name, aspect) in answer["aspects"]?.AsObject() ?? [])
        {
            // The latest is always version 0; its revision (how many values it has had) is systemMetadata.version.
            var facts = new List<string>();
            if (aspect?["systemMetadata"]?["version"]?.GetValue<string>() is { } revision) facts.Add($"revision {revision}");
            if (aspect?["created"] is JsonObject stamp && stamp["time"]?.GetValue<long>() is { } time)
                facts.Add($"written {DateTimeOffset.FromUnixTimeMilliseconds(time):yyyy-MM-dd HH:mm:ss}Z by {stamp["actor"]?.GetValue<string>()}");
            Console.Write(new Panel(new Rows(new Markup($"[grey]{Markup.Escape(string.Join(" · ", facts))}[/]"),
                    new JsonText(aspect?["value"]?.ToJsonString() ?? "null")))
                .Header($"[blue]{Markup.Escape(name)}[/]").Border(BoxBorder.Rounded).Expand());
        }
    }
}
