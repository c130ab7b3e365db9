using System.Diagnostics;
using System.Text;

namespace Lineage.Api.Tests.Readme;

/// <summary>
/// Runs a README block as a reader pastes it into a terminal at the repository's root: with bash (<c>-e -o pipefail</c>,
/// so a failing command fails the example), curl and jq, each block in a shell of its own. The working folder stands
/// for the checkout: its <c>src/Lineage.Api/data</c> is the service's data directory, so
/// <c>cat src/Lineage.Api/data/admin.token</c> reads the service's token. <c>TOKEN</c> is set, as the README's Access
/// control section sets it for the examples. The service listens on a free port, and curl is told to connect
/// <c>localhost:8080</c> there (<c>connect-to</c> in a <c>.curlrc</c> under <c>CURL_HOME</c>), so the examples'
/// addresses stand as written.
/// </summary>
internal sealed class ExampleShell
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly string _checkout;
    private readonly string _curlHome;
    private readonly string _token;

    public ExampleShell(string checkout, Uri service, string token)
    {
        _checkout = checkout;
        _token = token;
        _curlHome = Path.Combine(checkout, ".curl");
        Directory.CreateDirectory(_curlHome);
        File.WriteAllText(Path.Combine(_curlHome, ".curlrc"), $"connect-to = \"localhost:8080:{service.Host}:{service.Port}\"\n");
    }

    /// <summary>The service's data directory inside <paramref name="checkout"/>, where <c>dotnet run</c> puts it.</summary>
    public static string DataDirectory(string checkout) => Path.Combine(checkout, "src", "Lineage.Api", "data");

    public async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string script)
    {
        var info = new ProcessStartInfo("bash")
        {
            WorkingDirectory = _checkout,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add("-eo");
        info.ArgumentList.Add("pipefail");
        info.Environment["CURL_HOME"] = _curlHome;
        info.Environment["TOKEN"] = _token;
        using var bash = Process.Start(info)!;
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        await bash.StandardInput.WriteAsync(script + "\n");
        bash.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await bash.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            bash.Kill(entireProcessTree: true);
            return (-1, await stdout, $"{await stderr}\n(stopped after {Timeout.TotalMinutes:0} minutes)");
        }
        return (bash.ExitCode, await stdout, await stderr);
    }
}
