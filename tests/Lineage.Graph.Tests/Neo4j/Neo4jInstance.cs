using System.Diagnostics;

namespace Lineage.Graph.Tests.Neo4j;

/// <summary>
/// A Neo4j server of a test's own, run by <c>scripts/neo4j-test-server.sh</c> as the named instance
/// (<c>NEO4J_INSTANCE</c>) apart from the shared test server, so that the test can kill it (SIGKILL, as a crash
/// would) and start it again on the same data. A server that does not start is a failure, never a skip.
/// </summary>
public sealed class Neo4jInstance : IAsyncDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(150);
    private readonly string _name;

    private Neo4jInstance(string name, string uri)
    {
        _name = name;
        Uri = uri;
    }

    /// <summary>The server's HTTP address; the same after <see cref="ResumeAsync"/> unless its ports were taken meanwhile.</summary>
    public string Uri { get; private set; }

    /// <summary>A fresh server: whatever an earlier run left under this name is stopped and deleted first.</summary>
    public static async Task<Neo4jInstance> StartAsync(string name)
    {
        await RunAsync(name, "stop");
        return new Neo4jInstance(name, UriFrom(await RunAsync(name, "start")));
    }

    /// <summary>SIGKILL: no shutdown, no flush; the data folder stays as the crash left it.</summary>
    public Task KillAsync() => RunAsync(_name, "kill");

    /// <summary>Starts the killed server on its data (Neo4j recovers its transaction log) and waits until it answers.</summary>
    public async Task ResumeAsync() => Uri = UriFrom(await RunAsync(_name, "resume"));

    /// <summary>Stops the server and deletes its data.</summary>
    public async ValueTask DisposeAsync() => await RunAsync(_name, "stop");

    private static string UriFrom(string stdout) =>
        stdout.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("NEO4J_URI=", StringComparison.Ordinal))?["NEO4J_URI=".Length..]
        ?? throw new InvalidOperationException($"scripts/neo4j-test-server.sh printed no NEO4J_URI: {stdout}");

    /// <summary>Runs the script for the instance; its standard output, or an exception with its messages when it fails.</summary>
    private static async Task<string> RunAsync(string name, string command)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        info.ArgumentList.Add(Path.Combine("scripts", "neo4j-test-server.sh"));
        info.ArgumentList.Add(command);
        info.Environment["NEO4J_INSTANCE"] = name;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ScriptTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"neo4j-test-server.sh {command} ({name}) did not finish within {ScriptTimeout.TotalSeconds:0} s: {await stderr}");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"neo4j-test-server.sh {command} ({name}) failed with exit code {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}
