using Lineage.Api.Tests.Support;
using Lineage.Cli;
using Spectre.Console.Testing;

namespace Lineage.Cli.Tests.Support;

/// <summary>What a run of <c>lineage</c> ended with: its exit code, what it printed, and what it said on stderr.</summary>
public sealed record CliResult(int ExitCode, string Output, string Errors)
{
    public override string ToString() => $"exit {ExitCode}\n{Output}\nstderr: {Errors}";
}

/// <summary>
/// Runs the command line in this process, as a terminal would, with its own environment: no variable the test does not
/// give, a working directory of its own, and its HTTP sent to a real address or to an in-memory test host.
/// </summary>
public static class CliRun
{
    /// <summary>Runs against the service at whatever address <paramref name="args"/> give (<c>--server</c>, <c>--from</c>), over sockets.</summary>
    public static Task<CliResult> RunAsync(IReadOnlyDictionary<string, string>? variables, params string[] args) =>
        RunAsync(variables, () => new SocketsHttpHandler(), args);

    /// <summary>Runs against an in-memory test host, with its admin token unless the arguments give one.</summary>
    public static Task<CliResult> RunAsync(LineageApiFactory host, params string[] args) =>
        RunAsync(new Dictionary<string, string>
        {
            ["LINEAGE_SERVER"] = host.Server.BaseAddress.ToString(),
            ["LINEAGE_TOKEN"] = AuthorizedClients.AdminToken(host.Services),
        }, host.Server.CreateHandler, args);

    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string>? variables, Func<HttpMessageHandler> handler, params string[] args)
    {
        var console = new TestConsole().Width(250);
        var errors = new StringWriter();
        var directory = Directory.CreateTempSubdirectory("lineage-cli-").FullName;
        try
        {
            var env = new CliEnvironment(console, errors, name => variables?.GetValueOrDefault(name), directory, handler);
            var code = await LineageCommandLine.RunAsync(args, env);
            return new CliResult(code, console.Output, errors.ToString());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
