using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Lineage.Api.Tests.Support;

/// <summary>
/// The service as a real process (<c>dotnet Lineage.Api.dll</c> from the test's output), so that a test can kill it
/// with SIGKILL, as a crash would, and start it again on the same data.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _said;

    private ServiceProcess(Process process, System.Collections.Concurrent.ConcurrentQueue<string> said, Uri address, string dataDirectory, TimeSpan startup)
    {
        _process = process;
        _said = said;
        Address = address;
        Startup = startup;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        Http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", File.ReadAllText(Path.Combine(dataDirectory, "admin.token")).Trim());
    }

    /// <summary>Where the service listens.</summary>
    public Uri Address { get; }

    /// <summary>How long the service took to answer /health.</summary>
    public TimeSpan Startup { get; }

    /// <summary>A client with the service's admin token.</summary>
    public HttpClient Http { get; }

    /// <summary>What the service has printed so far, stdout and stderr as they came (the first 200 lines).</summary>
    public IReadOnlyList<string> Output => [.. _said];

    public static Task<ServiceProcess> StartAsync(string dataDirectory, params string[] settings) =>
        StartAsync(dataDirectory, new Dictionary<string, string>(), settings);

    /// <summary>Starts the service with settings as command-line arguments and as environment variables.</summary>
    public static async Task<ServiceProcess> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string> environment, params string[] settings)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var dll = Path.Combine(AppContext.BaseDirectory, "Lineage.Api.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { dll, $"--Urls={address}", $"--Lineage:DataDirectory={dataDirectory}" }.Concat(settings))
            info.ArgumentList.Add(arg);
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        // The tests read back everything they wrote, fast; the rate limit has a test of its own.
        info.Environment["Lineage__Auth__RequestsPerSecond"] = "0";
        foreach (var (name, value) in environment) info.Environment[name] = value;
        var process = Process.Start(info)!;
        // Kept so that a service that will not start says why in the test's failure.
        var said = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null && said.Count < 200) said.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null && said.Count < 200) said.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(150); await Task.Delay(100))
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync(); // the output is read to its end
                throw new InvalidOperationException($"the service exited with code {process.ExitCode}:\n{string.Join('\n', said)}");
            }
            try
            {
                if ((await probe.GetAsync(new Uri(address, "/health"))).StatusCode == HttpStatusCode.OK)
                    return new ServiceProcess(process, said, address, dataDirectory, clock.Elapsed);
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
        }
        process.Kill(true);
        throw new InvalidOperationException("the service did not answer /health within 150 s");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, as when the machine or the OOM killer takes the process.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
    }
}
