using Spectre.Console;

namespace Lineage.Cli;

/// <summary>
/// What a command reads from and writes to outside itself: the terminal, the error stream, environment variables, the
/// working directory and the HTTP connection. The process's own, or a test's.
/// </summary>
/// <param name="Handler">Makes the HTTP handler a client sends through (a socket, or a test server's in-memory one).</param>
public sealed record CliEnvironment(
    IAnsiConsole Console,
    TextWriter Error,
    Func<string, string?> Variable,
    string WorkingDirectory,
    Func<HttpMessageHandler> Handler)
{
    /// <summary>The process's terminal, environment and network.</summary>
    public static CliEnvironment FromProcess() => new(
        AnsiConsole.Console, System.Console.Error, Environment.GetEnvironmentVariable, Directory.GetCurrentDirectory(),
        () => new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) });
}
