using System.Text.Json.Nodes;
using Lineage.Api.Ingest.Readers;
using Lineage.Api.Wire;
using Lineage.Graph.Errors;

namespace Lineage.Api.Transfer.Import;

/// <summary>
/// <c>POST /api/v1/import</c>'s body, <c>{"first": N, "entries": [&lt;DataHub file entry&gt;, …]}</c>: a run of a DataHub
/// metadata file's entries, <c>first</c> the index in the file of the first one (0 when absent), so refusals name the
/// file's own entry. An entry that cannot be read is refused on its own; the others still go.
/// </summary>
internal sealed record ImportRequest(IReadOnlyList<ImportEntry> Entries) : IWireRequest<ImportRequest>
{
    public static async ValueTask<ImportRequest> ReadAsync(HttpContext context, CancellationToken ct)
    {
        var body = await JsonBody.ReadObjectAsync(context.Request, ct);
        var first = body["first"] switch
        {
            null => 0L,
            JsonValue v when v.TryGetValue<long>(out var n) && n >= 0 => n,
            _ => throw new ValidationException("first", "expected the index (0 or more) of the first entry in its file"),
        };
        if (body["entries"] is not JsonArray entries) throw new ValidationException("entries", "required array is missing");
        var reader = context.RequestServices.GetRequiredService<FileEntryReader>();
        return new([.. entries.Select((entry, i) =>
        {
            try
            {
                return new ImportEntry(first + i, reader.Read(entry), null);
            }
            catch (ValidationException e)
            {
                return new ImportEntry(first + i, [], e);
            }
        })]);
    }
}

/// <summary>One file entry: its index in the file, and its writes, or why it cannot be read.</summary>
internal sealed record ImportEntry(long Index, IReadOnlyList<SnapshotAspect> Writes, ValidationException? Unreadable);
