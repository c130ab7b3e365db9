using System.Diagnostics;

namespace Lineage.Bench;

/// <summary>The Lineage service as a separate process on one store, so its memory and disk can be measured from outside.</summary>
internal sealed class ServiceHost : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceHost(Process process, string url, string dataDirectory) => (_process, Url, DataDirectory) = (process, url, dataDirectory);

    public string Url { get; }

    public string DataDirectory { get; }

    /// <summary>The admin token the service generated on its first start in <see cref="DataDirectory"/>.</summary>
    public string AdminToken => File.ReadAllText(Path.Combine(DataDirectory, "admin.token")).Trim();

    public static Task<ServiceHost> StartAsync(string repo, string store, string? neo4jUri, string dataDirectory, int port) =>
        StartAsync(repo, store, neo4jUri, dataDirectory, port, new Dictionary<string, string>());

    /// <summary>
    /// The service with extra settings on its command line (<c>Lineage:Consistency:ReadYourWrites</c> → <c>false</c>),
    /// which win over appsettings.json and the environment, as an operator's would.
    /// </summary>
    public static async Task<ServiceHost> StartAsync(
        string repo, string store, string? neo4jUri, string dataDirectory, int port, IReadOnlyDictionary<string, string> settings)
    {
        var dll = Path.Combine(repo, "src", "Lineage.Api", "bin", "Release", "net10.0", "Lineage.Api.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: build with -c Release first");
        var url = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet", [dll, $"--Urls={url}", $"--Lineage:Store={store}", $"--Lineage:DataDirectory={dataDirectory}",
            .. settings.Select(s => $"--{s.Key}={s.Value}")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        // Tokens stay on, as in production; the per-token rate limit is off so that it is the service that is measured.
        info.Environment["Lineage__Auth__RequestsPerSecond"] = "0";
        if (neo4jUri is not null) info.Environment["Lineage__Neo4j__Uri"] = neo4jUri;
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"  [service] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient();
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(60); await Task.Delay(200))
        {
            try
            {
                if ((await http.GetAsync($"{url}/health")).IsSuccessStatusCode) return new ServiceHost(process, url, dataDirectory);
            }
            catch (HttpRequestException)
            {
            }
        }
        process.Kill(true);
        throw new InvalidOperationException("The service did not answer /health within 60 s");
    }

    /// <summary>A free TCP port of 127.0.0.1, so that the service never lands beside (or answers for) another one on a fixed port.</summary>
    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The service's peak resident memory so far (VmHWM), in bytes.</summary>
    public long PeakMemoryBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private bool _disposed;
}
