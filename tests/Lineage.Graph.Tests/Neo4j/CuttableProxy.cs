using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Lineage.Graph.Tests.Neo4j;

/// <summary>
/// A TCP proxy in front of the Neo4j test server that a test can cut: drop every commit request (as if Neo4j
/// died mid-batch) or refuse everything (as if it were down), then heal.
/// </summary>
public sealed class CuttableProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public CuttableProxy(Uri target)
    {
        _target = target;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Uri => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Close the connection of any request to a commit URL before it reaches Neo4j.</summary>
    public bool DropCommits { get; set; }

    /// <summary>Close every connection at once.</summary>
    public bool Down { get; set; }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            if (Down) return;
            using var server = new TcpClient();
            try
            {
                await server.ConnectAsync(_target.Host, _target.Port, _stop.Token);
                var upstream = PumpAsync(client.GetStream(), server.GetStream(), inspect: true);
                var downstream = PumpAsync(server.GetStream(), client.GetStream(), inspect: false);
                await Task.WhenAny(upstream, downstream);
            }
            catch (Exception)
            {
                // A cut connection is the point of this proxy.
            }
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool inspect)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var read = await from.ReadAsync(buffer, _stop.Token);
            if (read == 0 || Down) return;
            if (inspect && DropCommits && Encoding.ASCII.GetString(buffer, 0, read).Contains("/commit HTTP/1.1", StringComparison.Ordinal)) return;
            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try { await _accepting; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
