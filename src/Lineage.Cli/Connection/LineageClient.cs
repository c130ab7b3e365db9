using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lineage.Cli.Connection;

/// <summary>
/// The service's HTTP API as the commands use it: JSON in and out, and every failure turned into a
/// <see cref="CliException"/> with one line that says what went wrong and where.
/// </summary>
public sealed class LineageClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly ServerAddress _address;

    public LineageClient(CliEnvironment env, ServerAddress address)
    {
        _address = address;
        // Imports wait for the search index to take each batch; a slow batch is not a dead server.
        _http = new HttpClient(env.Handler()) { BaseAddress = address.Server, Timeout = TimeSpan.FromMinutes(5) };
        if (address.Token is not null) _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", address.Token);
    }

    /// <summary>The service's address.</summary>
    public Uri Server => _address.Server;

    /// <summary>A GET of <paramref name="path"/> with the query's non-null values, URL-encoded.</summary>
    public Task<JsonNode> GetAsync(string path, CancellationToken ct, params (string Name, string? Value)[] query) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, path + Query(query)), ct);

    /// <summary>A POST of <paramref name="body"/> as JSON.</summary>
    public Task<JsonNode> PostAsync(string path, JsonNode body, CancellationToken ct) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        }, ct);

    /// <summary>An urn as a path segment, encoded as DataHub's clients encode it.</summary>
    public static string Segment(string urn) => Uri.EscapeDataString(urn);

    private async Task<JsonNode> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, ct);
            }
            catch (HttpRequestException e)
            {
                throw new CliException(ExitCode.Unreachable, $"cannot reach {Server}: {Innermost(e).Message}");
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new CliException(ExitCode.Unreachable, $"{Server} did not answer {request.Method} {request.RequestUri} within {_http.Timeout.TotalMinutes:0} minutes");
            }
            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(ct);
                if (response.IsSuccessStatusCode) return Parse(text, request) ?? new JsonObject();
                throw Failure(response.StatusCode, ServerMessage(text), request);
            }
        }
    }

    private CliException Failure(HttpStatusCode status, string message, HttpRequestMessage request)
    {
        var code = (int)status;
        var what = $"{request.Method} {request.RequestUri}";
        return status switch
        {
            HttpStatusCode.Unauthorized => new CliException(ExitCode.Refused, _address.Token is null
                ? $"{Server} wants a token (401): give --token, set LINEAGE_TOKEN, or run where {ServerAddress.AdminTokenFiles[0]} is"
                : $"{Server} refused the token from {_address.TokenSource} (401): {message}", code),
            HttpStatusCode.Forbidden => new CliException(ExitCode.Refused, $"the token from {_address.TokenSource} may not {what} (403): {message}", code),
            HttpStatusCode.NotFound => new CliException(ExitCode.NotFound, $"{message} (404)", code),
            _ when code is >= 400 and < 500 => new CliException(ExitCode.BadInput, $"{Server} refused {what} ({code}): {message}", code),
            _ => new CliException(ExitCode.Unreachable, $"{Server} failed {what} ({code}): {message}", code),
        };
    }

    private JsonNode? Parse(string text, HttpRequestMessage request)
    {
        if (text.Length == 0) return null;
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw new CliException(ExitCode.Unreachable, $"{Server} answered {request.Method} {request.RequestUri} with something that is not JSON; is it a Lineage service?");
        }
    }

    /// <summary>The message of the service's JSON error body, else the body itself, shortened.</summary>
    private static string ServerMessage(string text)
    {
        try
        {
            if (JsonNode.Parse(text) is JsonObject error && error["message"]?.GetValue<string>() is { } message) return message;
        }
        catch (JsonException)
        {
        }
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length == 0 ? "no message" : line.Length > 200 ? line[..200] + "…" : line;
    }

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;

    private static string Query((string Name, string? Value)[] query)
    {
        var parts = query.Where(q => q.Value is not null).Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value!)}").ToList();
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    public void Dispose() => _http.Dispose();
}
