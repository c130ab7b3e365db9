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

    public static Task<CliResult> RunAsync(IReadOnlyDictionary<string, string>? variables, Func<HttpMessageHandler> handler, params string[] args) =>
        RunAsync(new TestConsole().Width(250), variables, handler, args);

    /// <summary>Runs on <paramref name="console"/>, which may be set up as a terminal (interactive, with colours).</summary>
    public static async Task<CliResult> RunAsync(TestConsole console, IReadOnlyDictionary<string, string>? variables, Func<HttpMessageHandler> handler, params string[] args)
    {
        var directory = Directory.CreateTempSubdirectory("lineage-cli-").FullName;
        try
        {
            return await RunInAsync(directory, console, variables, handler, args);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Runs in <paramref name="directory"/>, where relative paths resolve and the admin token file is looked for.</summary>
    public static async Task<CliResult> RunInAsync(string directory, TestConsole console, IReadOnlyDictionary<string, string>? variables,
        Func<HttpMessageHandler> handler, params string[] args)
    {
        var errors = new StringWriter();
        var env = new CliEnvironment(console, errors, name => variables?.GetValueOrDefault(name), directory, handler);
        var code = await LineageCommandLine.RunAsync(args, env);
        return new CliResult(code, console.Output, errors.ToString());
    }
}
