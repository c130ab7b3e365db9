using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lineage.Graph.Errors;

namespace Lineage.Graph.Storage.Neo4j;

/// <summary>
/// A small client for Neo4j's HTTP transactional Cypher API (the same shape from 3.x to 5.x): discovers the
/// transaction endpoint and server version, sends statements in batches, retries transient errors and an
/// unreachable server within a time budget, and turns everything else into <see cref="CypherException"/> or
/// <see cref="StoreUnavailableException"/>.
/// </summary>
public sealed class CypherClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Neo4jOptions _options;
    private readonly SemaphoreSlim _discovery = new(1, 1);
    private string? _transactionUrl;

    public CypherClient(Neo4jOptions options)
        : this(options, new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(3),
        })
    {
    }

    /// <summary>For tests that play the server's part.</summary>
    internal CypherClient(Neo4jOptions options, HttpMessageHandler handler)
    {
        _options = options;
        _http = new HttpClient(handler)
        {
            BaseAddress = new Uri(options.Uri.TrimEnd('/') + "/"),
            Timeout = options.RequestTimeout,
        };
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (options.User.Length > 0)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}"));
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
        }
    }

    /// <summary>The settings this client was made with.</summary>
    public Neo4jOptions Options => _options;

    /// <summary>The server's version as it reports it (e.g. <c>3.1.1</c>, <c>5.26.0</c>), once discovered.</summary>
    public string? ServerVersion { get; private set; }

    /// <summary>The server's major version, discovering it if needed.</summary>
    public Task<int> MajorVersionAsync(CancellationToken ct) =>
        RetryAsync(async () =>
        {
            await TransactionUrlAsync(ct);
            return int.Parse(ServerVersion!.Split('.')[0]);
        }, ct);

    /// <summary>Runs the statements in one auto-committed transaction, retrying transient failures.</summary>
    public Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken ct) =>
        RetryAsync(async () =>
        {
            var url = await TransactionUrlAsync(ct);
            var (_, results) = await PostAsync($"{url}/commit", statements, ct);
            return results;
        }, ct);

    /// <summary>
    /// Runs <paramref name="work"/> in an explicit transaction, which it commits; on a transient failure the
    /// transaction is rolled back and <paramref name="work"/> runs again from the start. The store's batches re-read
    /// the state they plan on inside the transaction, so a retry after a commit whose answer was lost finds the
    /// writes in place and adds nothing twice.
    /// </summary>
    public Task<T> InTransactionAsync<T>(Func<CypherTransaction, Task<T>> work, CancellationToken ct) =>
        RetryAsync(async () =>
        {
            var url = await TransactionUrlAsync(ct);
            await using var transaction = new CypherTransaction(this, url);
            return await work(transaction);
        }, ct);

    internal async Task<(string? Location, IReadOnlyList<CypherResult> Results)> PostAsync(
        string url, IReadOnlyList<CypherStatement> statements, CancellationToken ct)
    {
        using var content = new ReadOnlyMemoryContent(RequestBody(statements));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await SendAsync(() => _http.PostAsync(url, content, ct), ct);
        var json = await ReadJsonAsync(response, ct);
        ThrowOnErrors(json, statements);
        var results = json["results"] is JsonArray array
            ? array.Select(r => new CypherResult(
                [.. r!["columns"]!.AsArray().Select(c => c!.GetValue<string>())],
                [.. r["data"]!.AsArray().Select(d => d!["row"]!.AsArray())])).ToList()
            : [];
        return (response.Headers.Location?.ToString(), results);
    }

    /// <summary>
    /// The request as UTF-8 JSON, the parameters written straight from their nodes: a batch's parameters hold every
    /// aspect value, which a request tree would first have to deep-copy.
    /// </summary>
    private static ReadOnlyMemory<byte> RequestBody(IReadOnlyList<CypherStatement> statements)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("statements");
            foreach (var statement in statements)
            {
                writer.WriteStartObject();
                writer.WriteString("statement", statement.Text);
                writer.WritePropertyName("parameters");
                statement.Parameters.WriteTo(writer);
                writer.WriteStartArray("resultDataContents");
                writer.WriteStringValue("row");
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return buffer.WrittenMemory;
    }

    internal async Task DeleteAsync(string url)
    {
        // Rollback is best effort: a transaction Neo4j already ended (404) or an unreachable server both leave nothing behind.
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            using var response = await _http.DeleteAsync(url, timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
        }
    }

    private async Task<string> TransactionUrlAsync(CancellationToken ct)
    {
        if (_transactionUrl is { } known) return known;
        await _discovery.WaitAsync(ct);
        try
        {
            if (_transactionUrl is { } raced) return raced;
            using var root = await SendAsync(() => _http.GetAsync("", ct), ct);
            var discovery = await ReadJsonAsync(root, ct);
            if (discovery["transaction"] is null && discovery["data"]?.GetValue<string>() is { } data)
            {
                // Neo4j 3.x names the transaction endpoint one level down, under /db/data/.
                using var legacy = await SendAsync(() => _http.GetAsync(data, ct), ct);
                discovery = await ReadJsonAsync(legacy, ct);
            }
            var url = discovery["transaction"]?.GetValue<string>()
                      ?? throw new StoreUnavailableException($"Neo4j at {_options.Uri} did not name its transaction endpoint", false);
            ServerVersion = discovery["neo4j_version"]?.GetValue<string>() ?? "5.0.0";
            return _transactionUrl = url.Replace("{databaseName}", _options.Database).TrimEnd('/');
        }
        finally
        {
            _discovery.Release();
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send, CancellationToken ct)
    {
        try
        {
            var response = await send();
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                throw new StoreUnavailableException($"Neo4j at {_options.Uri} refused the credentials ({(int)response.StatusCode})", false);
            if ((int)response.StatusCode >= 500)
                throw new TransientFailure($"Neo4j answered {(int)response.StatusCode}");
            return response;
        }
        catch (HttpRequestException e)
        {
            throw new TransientFailure($"Neo4j at {_options.Uri} is unreachable: {e.Message}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TransientFailure(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Neo4j at {_options.Uri} did not answer within {_options.RequestTimeout.TotalSeconds:0.###} s (Lineage:Neo4j:RequestTimeout)"));
        }
    }

    private static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        try
        {
            return await JsonNode.ParseAsync(body, cancellationToken: ct) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            throw new TransientFailure($"Neo4j answered {(int)response.StatusCode} with a body that is not JSON");
        }
    }

    /// <summary>Neo4j reports statement failures with HTTP 200 and an <c>errors</c> array; the results stop at the failing statement.</summary>
    private static void ThrowOnErrors(JsonObject json, IReadOnlyList<CypherStatement> statements)
    {
        if (json["errors"] is not JsonArray { Count: > 0 } errors) return;
        var code = errors[0]!["code"]?.GetValue<string>() ?? "Neo.Unknown";
        var message = errors[0]!["message"]?.GetValue<string>() ?? "";
        if (code.StartsWith("Neo.TransientError", StringComparison.Ordinal)) throw new TransientFailure($"{code}: {message}");
        var failed = json["results"] is JsonArray done && done.Count < statements.Count ? statements[done.Count].Name : "(transaction)";
        throw new CypherException(code, message, failed);
    }

    private async Task<T> RetryAsync<T>(Func<Task<T>> attempt, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        for (var delay = TimeSpan.FromMilliseconds(50); ; delay *= 2)
        {
            try
            {
                return await attempt();
            }
            catch (TransientFailure e)
            {
                if (clock.Elapsed + delay > _options.RetryBudget)
                    throw new StoreUnavailableException($"The graph store is unavailable: {e.Message}", isRetriable: true, e);
                _transactionUrl = e.Message.Contains("unreachable", StringComparison.Ordinal) ? null : _transactionUrl;
                await Task.Delay(delay + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 50)), ct);
            }
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _discovery.Dispose();
    }

    /// <summary>A failure that trying again may fix: a Neo.TransientError, a 5xx, a refused connection or a time-out.</summary>
    private sealed class TransientFailure(string message) : Exception(message);
}
