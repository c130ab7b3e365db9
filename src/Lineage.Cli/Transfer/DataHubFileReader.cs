using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lineage.Cli.Transfer;

/// <summary>One entry of a DataHub metadata file: its index in the file's array, the line it starts on, and the entry.</summary>
public sealed record FileEntry(long Index, long Line, JsonObject Value, int Bytes);

/// <summary>
/// Reads DataHub's metadata file format (a JSON array of MCE and MCP entries) one entry at a time, so a file of any
/// size is read in little memory. Entries are read as DataHub's file source reads them (Python's json module: a member
/// name given twice keeps its last value). A file that is not such an array fails with the line and the entry's index.
/// </summary>
public sealed class DataHubFileReader(string path, Stream stream) : IAsyncDisposable
{
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _final;
    private bool _begun;
    private bool _done;
    private JsonReaderState _state;
    private long _line = 1;
    private long _index;
    private long _consumed;

    /// <summary>Opens <paramref name="path"/>; a missing or unreadable file is a one-line error.</summary>
    public static DataHubFileReader Open(string path)
    {
        try
        {
            return new DataHubFileReader(path, new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCode.BadInput, $"{path}: {e.Message}");
        }
    }

    /// <summary>The bytes read into entries so far, for progress against the file's length.</summary>
    public long Position => _consumed;

    /// <summary>The next entry, or null after the last.</summary>
    public async ValueTask<FileEntry?> NextAsync(CancellationToken ct)
    {
        while (!_done)
        {
            if (!TryRead(out var entry)) await FillAsync(ct);
            else if (entry is not null) return entry;
        }
        return null;
    }

    /// <summary>
    /// Reads the array's opening, its next entry or its end from the buffer; false when the buffer must be filled first.
    /// </summary>
    private bool TryRead(out FileEntry? entry)
    {
        entry = null;
        if (_final && _buffer.AsSpan(_start, _end - _start).Trim(" \t\r\n"u8).IsEmpty)
            throw Malformed(_begun ? "the array of entries is not closed" : "the file is empty", 0);
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        try
        {
            if (!reader.Read())
            {
                if (_final) throw Malformed(_begun ? "the array of entries is not closed" : "the file is empty", reader.BytesConsumed);
                return false;
            }
            if (!_begun)
            {
                if (reader.TokenType != JsonTokenType.StartArray)
                    throw Malformed("expected a JSON array of entries ([{…}, …])", reader.TokenStartIndex);
                _begun = true;
                Commit(ref reader);
                return true;
            }
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                Commit(ref reader);
                _done = true;
                return true;
            }
            var start = (int)reader.TokenStartIndex;
            if (reader.TokenType != JsonTokenType.StartObject)
                throw Malformed("expected an object (a proposal or a proposedSnapshot)", start);
            if (!reader.TrySkip())
            {
                if (_final) throw Malformed("the entry is not closed", start);
                return false;
            }
            var bytes = _buffer.AsSpan(_start + start, (int)reader.BytesConsumed - start);
            var line = _line + Newlines(_buffer.AsSpan(_start, start));
            entry = new FileEntry(_index++, line, Parse(bytes), bytes.Length);
            Commit(ref reader);
            return true;
        }
        catch (JsonException e)
        {
            // The reader's state carries its line count from the start of the file.
            throw new CliException(ExitCode.BadInput,
                $"{path}: line {(e.LineNumber ?? 0) + 1}: entry {_index}: not valid JSON ({FirstSentence(e.Message)})");
        }
    }

    private void Commit(ref Utf8JsonReader reader)
    {
        var consumed = (int)reader.BytesConsumed;
        _line += Newlines(_buffer.AsSpan(_start, consumed));
        _start += consumed;
        _consumed += consumed;
        _state = reader.CurrentState;
    }

    private async Task FillAsync(CancellationToken ct)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        var read = await stream.ReadAsync(_buffer.AsMemory(_end), ct);
        if (read == 0) _final = true;
        _end += read;
    }

    private CliException Malformed(string reason, long offset) =>
        new(ExitCode.BadInput, $"{path}: line {_line + Newlines(_buffer.AsSpan(_start, (int)Math.Min(offset, _end - _start)))}: entry {_index}: {reason}");

    private static long Newlines(ReadOnlySpan<byte> bytes) => bytes.Count((byte)'\n');

    private static string FirstSentence(string message) => message.Split(" LineNumber:")[0].TrimEnd('.', ' ');

    private static JsonObject Parse(ReadOnlySpan<byte> bytes)
    {
        using var document = JsonDocument.Parse(bytes.ToArray());
        return (JsonObject)AsPythonReadsIt(document.RootElement)!;
    }

    /// <summary>The element as a tree, a member name given twice keeping its last value, as Python's json module keeps it.</summary>
    private static JsonNode? AsPythonReadsIt(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new JsonObject();
                foreach (var member in element.EnumerateObject()) members[member.Name] = AsPythonReadsIt(member.Value);
                return members;
            case JsonValueKind.Array:
                return new JsonArray([.. element.EnumerateArray().Select(AsPythonReadsIt)]);
            case JsonValueKind.Null:
                return null;
            default:
                return JsonNode.Parse(element.GetRawText());
        }
    }

    public ValueTask DisposeAsync() => stream.DisposeAsync();
}
