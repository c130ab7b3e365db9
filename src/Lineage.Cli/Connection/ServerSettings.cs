using System.ComponentModel;
using Spectre.Console.Cli;

namespace Lineage.Cli.Connection;

/// <summary>The options of every command that talks to one service.</summary>
public class ServerSettings : CommandSettings
{
    [CommandOption("--server <URL>")]
    [Description("The service's address; else LINEAGE_SERVER, else http://localhost:8080")]
    public string? Server { get; init; }

    [CommandOption("--token <TOKEN>")]
    [Description("A bearer token; else LINEAGE_TOKEN, else the local admin token file (data/admin.token)")]
    public string? Token { get; init; }
}

/// <summary>The options of the commands that print an answer: a table or tree, or the JSON for scripts.</summary>
public class ViewSettings : ServerSettings
{
    [CommandOption("--json")]
    [Description("Print the service's answer as JSON instead of a table or tree")]
    public bool Json { get; init; }
}
