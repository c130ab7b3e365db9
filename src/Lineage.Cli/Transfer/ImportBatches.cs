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

    /// <summary>The index of the next entry not yet acknowledged by the service, in <see cref="Source"/>.</summary>
    public long NextUnsent { get; private set; }

    /// <summary>Where the entries being sent come from (a file, an export); empty before the first.</summary>
    public string Source => _source;

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
        var batch = _pending.ToList();
        _pending.Clear();
        (_writes, _bytes) = (0, 0);
        await SendAsync(batch, ct);
    }

    /// <summary>
    /// Sends consecutive entries in one request. One the service finds too large (413: its body limit is its own setting)
    /// is sent again an entry at a time, and an entry too large alone is refused like any other.
    /// </summary>
    private async Task SendAsync(List<FileEntry> batch, CancellationToken ct)
    {
        JsonObject answer;
        try
        {
            answer = (await target.PostAsync("/api/v1/import", new JsonObject
            {
                ["first"] = batch[0].Index,
                ["entries"] = new JsonArray([.. batch.Select(e => (JsonNode)e.Value.DeepClone())]),
            }, ct)).AsObject();
        }
        catch (CliException e) when (e.HttpStatus == 413)
        {
            if (batch.Count > 1)
            {
                foreach (var entry in batch) await SendAsync([entry], ct);
                return;
            }
            answer = new JsonObject
            {
                ["written"] = 0L, ["unchanged"] = 0L,
                ["refused"] = new JsonArray(new JsonObject
                {
                    ["index"] = batch[0].Index, ["status"] = 413, ["path"] = $"entries[{batch[0].Index}]",
                    ["reason"] = $"the entry is {batch[0].Bytes:N0} bytes, more than the service takes in one request (Lineage:Limits:MaxRequestBodyBytes)",
                }),
            };
        }
        Entries += batch.Count;
        Written += answer["written"]!.GetValue<long>();
        Unchanged += answer["unchanged"]!.GetValue<long>();
        var lines = batch.ToDictionary(e => e.Index, e => e.Line);
        foreach (var refusal in answer["refused"]!.AsArray().Select(r => r!.AsObject()))
        {
            var index = refusal["index"]!.GetValue<long>();
            _refused.Add(new ImportRefusal(_source, index, lines.GetValueOrDefault(index) is > 0 and var line ? line : null,
                refusal["status"]!.GetValue<int>(), refusal["path"]!.GetValue<string>(), refusal["reason"]!.GetValue<string>()));
        }
        NextUnsent = batch[^1].Index + 1;
    }

    /// <summary>How many writes the service counts for an entry: one per snapshot aspect, else one.</summary>
    private static int WritesOf(JsonObject entry) =>
        entry["proposedSnapshot"] is JsonObject { Count: 1 } snapshot && snapshot.First().Value?["aspects"] is JsonArray aspects
            ? Math.Max(1, aspects.Count)
            : 1;
}
