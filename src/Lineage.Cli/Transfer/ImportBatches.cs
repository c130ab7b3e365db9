using System.Text.Json.Nodes;
using Lineage.Cli.Connection;

namespace Lineage.Cli.Transfer;

/// <summary>A refused entry: where it is, the status the service gave it, and why.</summary>
public sealed record ImportRefusal(string Source, long Index, long? Line, int Status, string Path, string Reason);

/// <summary>
/// Sends entries to <c>POST /api/v1/import</c> in batches that stay within the service's limits, and keeps the tally:
/// how many entries wrote something, how many changed nothing, and every refusal with its reason.
/// </summary>
public sealed class ImportBatches(LineageClient target)
{
    /// <summary>Writes per request, under the service's default batch limit (1,000) with room for derived aspects.</summary>
    public const int MaxWrites = 400;

    /// <summary>Bytes of entries per request, well under the default request limit (4 MiB) after re-encoding.</summary>
    public const int MaxBytes = 1 << 20;

    private readonly List<FileEntry> _pending = [];
    private readonly List<ImportRefusal> _refused = [];
    private string _source = "";
    private int _writes;
    private long _bytes;

    public long Entries { get; private set; }
    public long Written { get; private set; }
    public long Unchanged { get; private set; }
    public IReadOnlyList<ImportRefusal> Refused => _refused;

    /// <summary>The index of the next entry not yet acknowledged by the service, in the current source.</summary>
    public long NextUnsent { get; private set; }

    /// <summary>Adds an entry of <paramref name="source"/>, sending the batch first when this entry would overflow it.</summary>
    public async Task AddAsync(string source, FileEntry entry, CancellationToken ct)
    {
        if (source != _source)
        {
            await FlushAsync(ct);
            _source = source;
        }
        var writes = WritesOf(entry.Value);
        if (_pending.Count > 0 && (_writes + writes > MaxWrites || _bytes + entry.Bytes > MaxBytes)) await FlushAsync(ct);
        if (_pending.Count == 0) NextUnsent = entry.Index;
        _pending.Add(entry);
        _writes += writes;
        _bytes += entry.Bytes;
    }

    /// <summary>Sends what is waiting.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_pending.Count == 0) return;
        var body = new JsonObject
        {
            ["first"] = _pending[0].Index,
            ["entries"] = new JsonArray([.. _pending.Select(e => (JsonNode)e.Value)]),
        };
        var answer = (await target.PostAsync("/api/v1/import", body, ct)).AsObject();
        Entries += _pending.Count;
        Written += answer["written"]!.GetValue<long>();
        Unchanged += answer["unchanged"]!.GetValue<long>();
        var lines = _pending.ToDictionary(e => e.Index, e => e.Line);
        foreach (var refusal in answer["refused"]!.AsArray().Select(r => r!.AsObject()))
        {
            var index = refusal["index"]!.GetValue<long>();
            _refused.Add(new ImportRefusal(_source, index, lines.GetValueOrDefault(index) is > 0 and var line ? line : null,
                refusal["status"]!.GetValue<int>(), refusal["path"]!.GetValue<string>(), refusal["reason"]!.GetValue<string>()));
        }
        NextUnsent = _pending[^1].Index + 1;
        _pending.Clear();
        (_writes, _bytes) = (0, 0);
    }

    /// <summary>How many writes the service counts for an entry: one per snapshot aspect, else one.</summary>
    private static int WritesOf(JsonObject entry) =>
        entry["proposedSnapshot"] is JsonObject { Count: 1 } snapshot && snapshot.First().Value?["aspects"] is JsonArray aspects
            ? Math.Max(1, aspects.Count)
            : 1;
}
