using System.Diagnostics;

namespace Lineage.Api.Tests.Support;

/// <summary>
/// One run of the service as a process (<c>dotnet Lineage.Api.dll</c> from the test's output) to its exit, for what
/// happens before it serves: <c>--help</c> and the start-ups that fail.
/// </summary>
public sealed record ServiceRun(int ExitCode, IReadOnlyList<string> Output, IReadOnlyList<string> Errors, TimeSpan Took)
{
    /// <summary>Longer than any start; a run still going then is killed and fails the test.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    public static Task<ServiceRun> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    public static async Task<ServiceRun> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Lineage.Api.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) info.Environment[name] = value;

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the service was still running after {Limit.TotalSeconds} s: {string.Join(' ', args)}");
        }
        var took = clock.Elapsed;
        return new ServiceRun(process.ExitCode, Lines(await output), Lines(await errors), took);
    }

    /// <summary>Everything printed, stdout then stderr, for a failure message.</summary>
    public override string ToString() =>
        $"exit {ExitCode} after {Took.TotalSeconds:0.0} s\n--- stdout\n{string.Join('\n', Output)}\n--- stderr\n{string.Join('\n', Errors)}";

    private static string[] Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();
}
