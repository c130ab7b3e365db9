using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Graph.Storage;
using Lineage.Search.Index;

namespace Lineage.Api.Transfer.Export;

/// <summary>
/// <c>GET /api/v1/export?history=&amp;after=&amp;limit=</c>: the catalog a page of entities at a time, as entries of
/// DataHub's metadata file format (<see cref="ExportEntries"/>); <c>lineage export</c> writes the pages to one file and
/// <c>POST /api/v1/import</c> reads it back.
/// </summary>
internal sealed class ExportEndpoint(IGraphStore store, ExportEntries entries, SearchIndex index) : Endpoint<ExportRequest, ExportResponse>
{
    public override void Configure()
    {
        Get("/api/v1/export");
        Scopes(Scope.Read);
    }

    public override async Task HandleAsync(ExportRequest req, CancellationToken ct)
    {
        var urns = await store.ListEntityUrnsAsync(string.IsNullOrEmpty(req.After) ? null : req.After, req.Limit, ct);
        var archives = await store.GetArchivesAsync(urns, ct);
        await Send.OkAsync(new ExportResponse([.. archives.SelectMany(a => entries.Of(a, req.History))], archives.Count,
            urns.Count < req.Limit ? null : urns[^1], index.Count), ct);
    }
}
