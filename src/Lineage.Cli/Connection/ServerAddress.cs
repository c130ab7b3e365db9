namespace Lineage.Cli.Connection;

/// <summary>Where a command connects and with which token: its options, else the environment, else the local defaults.</summary>
public sealed record ServerAddress(Uri Server, string? Token, string TokenSource)
{
    public const string DefaultServer = "http://localhost:8080";

    /// <summary>Where a service started with the README's command keeps its admin token, relative to the working directory.</summary>
    public static readonly string[] AdminTokenFiles = ["data/admin.token", "src/Lineage.Api/data/admin.token"];

    /// <summary>
    /// <paramref name="server"/> and <paramref name="token"/> when given, else <c>LINEAGE_SERVER</c> and <c>LINEAGE_TOKEN</c>,
    /// else http://localhost:8080 and the admin token file of a service run from the working directory.
    /// </summary>
    public static ServerAddress Resolve(CliEnvironment env, string? server, string? token, string option = "--server", string tokenOption = "--token")
    {
        var text = server ?? env.Variable("LINEAGE_SERVER") ?? DefaultServer;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new CliException(ExitCode.BadInput, $"{option} '{text}' is not an http:// or https:// address");
        if (token is not null) return new(uri, token, tokenOption);
        if (env.Variable("LINEAGE_TOKEN") is { Length: > 0 } variable) return new(uri, variable, "LINEAGE_TOKEN");
        foreach (var file in AdminTokenFiles)
        {
            var path = Path.Combine(env.WorkingDirectory, file);
            if (File.Exists(path)) return new(uri, File.ReadAllText(path).Trim(), path);
        }
        return new(uri, null, "no token");
    }
}
