using System.Text;

namespace Lineage.Api.Tests.Support;

/// <summary>One Server-Sent Event: its id, event name and data (lines joined).</summary>
public sealed record ServerSentEvent(string? Id, string? Event, string Data);

/// <summary>Reads a <c>text/event-stream</c> response as a browser's EventSource parses it, event by event.</summary>
public sealed class EventStreamReader(HttpResponseMessage response) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private StreamReader? _reader;

    /// <summary>Every event until one matches <paramref name="last"/> (included); fails after 20 s without it.</summary>
    public async Task<List<ServerSentEvent>> ReadUntilAsync(Func<ServerSentEvent, bool> last)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var events = new List<ServerSentEvent>();
        while (true)
        {
            var next = await NextAsync(timeout.Token) ?? throw new InvalidOperationException("the stream ended");
            events.Add(next);
            if (last(next)) return events;
        }
    }

    /// <summary>The next event (comments and retry lines skipped), or null when the stream ends.</summary>
    public async Task<ServerSentEvent?> NextAsync(CancellationToken ct)
    {
        _reader ??= new StreamReader(await response.Content.ReadAsStreamAsync(ct), Encoding.UTF8);
        string? id = null, name = null;
        var data = new StringBuilder();
        while (await _reader.ReadLineAsync(ct) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0 || id is not null) return new ServerSentEvent(id, name, data.ToString().TrimEnd('\n'));
                continue;
            }
            if (line.StartsWith(':')) continue;
            var colon = line.IndexOf(':');
            var (field, value) = colon < 0 ? (line, "") : (line[..colon], line[(colon + 1)..].TrimStart(' '));
            switch (field)
            {
                case "id": id = value; break;
                case "event": name = value; break;
                case "data": data.Append(value).Append('\n'); break;
            }
        }
        return null;
    }

    public void Dispose()
    {
        _reader?.Dispose();
        response.Dispose();
    }
}
