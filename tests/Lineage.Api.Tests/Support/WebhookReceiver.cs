using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Lineage.Api.Tests.Support;

/// <summary>
/// A real HTTP server inside a test that a webhook delivers to: it keeps every request it gets (body and headers), and
/// answers each with the status <see cref="Answer"/> gives for it. It can be stopped and started again on its port, as
/// a receiver that goes away and comes back.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly int _port = FreePort();
    private readonly List<Received> _received = [];
    private WebApplication? _app;
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A request as it arrived.</summary>
    public sealed record Received(byte[] Body, IReadOnlyDictionary<string, string> Headers, int AnsweredWith)
    {
        public JsonObject Event => JsonNode.Parse(Body)!.AsObject();

        public long Sequence => long.Parse(Headers["X-Lineage-Sequence"]);

        /// <summary>Whether the signature header is the HMAC-SHA256 of the body under <paramref name="secret"/>, as a receiver checks it.</summary>
        public bool SignedWith(string secret) =>
            Headers.TryGetValue("X-Lineage-Signature-256", out var header) && CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(header),
                Encoding.ASCII.GetBytes($"sha256={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Body))}"));
    }

    public Uri Url => new($"http://127.0.0.1:{_port}/hooks/lineage");

    /// <summary>The status to answer the request numbered <c>n</c> (0 for the first) with; 200 unless set.</summary>
    public Func<int, int> Answer { get; set; } = _ => 200;

    /// <summary>Every request so far, in the order they arrived.</summary>
    public IReadOnlyList<Received> Requests
    {
        get
        {
            lock (_received) return [.. _received];
        }
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver.StartAgainAsync();
        return receiver;
    }

    /// <summary>Listens (again) on the receiver's port.</summary>
    public async Task StartAgainAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{_port}");
        var app = builder.Build();
        app.MapPost("/hooks/lineage", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            int status;
            lock (_received)
            {
                status = Answer(_received.Count);
                _received.Add(new Received(body.ToArray(), headers, status));
            }
            Interlocked.Exchange(ref _arrived, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        _app = app;
    }

    /// <summary>Stops listening: deliveries meet a refused connection until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    /// <summary>Waits until the requests received satisfy <paramref name="done"/>, and returns them.</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(Func<IReadOnlyList<Received>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var next = Volatile.Read(ref _arrived).Task;
            var requests = Requests;
            if (done(requests)) return requests;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                throw new TimeoutException($"the receiver got {requests.Count} requests, not what the test waited for:\n  " +
                    string.Join("\n  ", requests.Select(r => $"#{r.Sequence} → {r.AnsweredWith}: {Encoding.UTF8.GetString(r.Body)[..Math.Min(200, r.Body.Length)]}")));
            await Task.WhenAny(next, Task.Delay(left));
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
