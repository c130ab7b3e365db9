using System.Text.RegularExpressions;
using Lineage.Graph.Errors;
using Lineage.Graph.Storage;
using Lineage.Graph.Writing;

namespace Lineage.Api.Transfer.Import;

/// <summary>
/// Writes a run of file entries as one batch, leaving out the entries that cannot be written: the write path refuses a
/// batch at its first bad proposal and names it, so that entry is set aside and the rest is tried again.
/// </summary>
internal sealed partial class CatalogImport(MetadataWriter writer, bool mayRestore)
{
    public async Task<ImportResponse> ApplyAsync(IReadOnlyList<ImportEntry> entries, CancellationToken ct)
    {
        var refused = new List<ImportRefusal>();
        var pending = new List<ImportEntry>();
        foreach (var entry in entries)
        {
            if (entry.Unreadable is { } e) refused.Add(new ImportRefusal(entry.Index, 400, Under(entry, e.Path), e.Reason));
            else if (!mayRestore && entry.Writes.Any(w => w.Proposal.Restore is not null))
                refused.Add(new ImportRefusal(entry.Index, 403, Under(entry, "systemMetadata.version"),
                    "restoring an exported version (its number, time and actor) takes an admin token"));
            else pending.Add(entry);
        }

        var (written, unchanged) = (0, 0);
        while (pending.Count > 0)
        {
            var writes = pending.SelectMany(entry => entry.Writes.Select(w => (Entry: entry, Write: w))).ToList();
            try
            {
                var outcomes = await writer.ApplyAsync([.. writes.Select(w => w.Write.Proposal)],
                    i => Under(writes[i].Entry, writes[i].Write.Path), MetadataWriter.SystemActor, ct);
                foreach (var group in writes.Select((w, i) => (w.Entry, Outcome: outcomes[i])).GroupBy(x => x.Entry))
                {
                    if (group.Any(x => x.Outcome.Effect is WriteEffect.Created or WriteEffect.Updated or WriteEffect.Deleted)) written++;
                    else unchanged++;
                }
                break;
            }
            catch (LineageException e) when (Refusal(e) is { } refusal && pending.Find(p => p.Index == refusal.Index) is { } entry)
            {
                refused.Add(refusal);
                pending.Remove(entry);
            }
        }
        return new ImportResponse(entries.Count, written, unchanged, [.. refused.OrderBy(r => r.Index)]);
    }

    private static string Under(ImportEntry entry, string path) =>
        string.IsNullOrEmpty(path) ? $"entries[{entry.Index}]" : path[0] == '[' ? $"entries[{entry.Index}]{path}" : $"entries[{entry.Index}].{path}";

    /// <summary>The entry an error of the write path names, with the status a write of it alone would get.</summary>
    private static ImportRefusal? Refusal(LineageException error)
    {
        var (path, reason, status) = error switch
        {
            ValidationException v => (v.Path, v.Reason, 400),
            ConflictException c => (c.Path, c.Reason, c.PreconditionFailed ? 412 : 409),
            _ => (null, null, 0),
        };
        if (path is null || EntryPath().Match(path) is not { Success: true } match) return null;
        return new ImportRefusal(long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), status, path, reason!);
    }

    [GeneratedRegex(@"^entries\[(\d+)\]")]
    private static partial Regex EntryPath();
}
