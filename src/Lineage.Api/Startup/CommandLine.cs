namespace Lineage.Api.Startup;

/// <summary>The command line, split into Lineage's own switches and the <c>--Key=value</c> settings left for configuration.</summary>
internal sealed record CommandLine(bool Help, bool Reindex, string[] Settings, string? Problem)
{
    public const string ReindexSwitch = "--reindex";
    public const string HealthCheckSwitch = "--healthcheck";
    private static readonly string[] HelpSwitches = ["--help", "-h"];

    public static CommandLine Parse(string[] args)
    {
        var (help, reindex, problem) = (false, false, (string?)null);
        var settings = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (HelpSwitches.Contains(arg, StringComparer.Ordinal)) help = true;
            // Taken out of the settings: configuration would read "--reindex --Urls=…" as the key "reindex" with the
            // value "--Urls=…", and the address would be lost.
            else if (arg == ReindexSwitch) reindex = true;
            else if (arg == HealthCheckSwitch) continue;
            // "--Key=value" ("Key=value" and "/Key=value" too, as configuration reads them; it refuses "-Key=value").
            else if (arg.Contains('=', StringComparison.Ordinal) && !(arg.StartsWith('-') && !arg.StartsWith("--", StringComparison.Ordinal)))
                settings.Add(arg);
            // "--Key value", as configuration reads it.
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2 && i + 1 < args.Length && !args[i + 1].StartsWith('-'))
                settings.AddRange([arg, args[++i]]);
            // Configuration would ignore anything else without a word: a mistyped switch must not start the service
            // as if it had not been given.
            else problem ??= $"unknown argument '{arg}'";
        }
        return new CommandLine(help, reindex, [.. settings], problem);
    }
}
