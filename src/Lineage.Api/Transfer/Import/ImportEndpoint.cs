using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Api.Wire;
using Lineage.Graph.Writing;

namespace Lineage.Api.Transfer.Import;

/// <summary>
/// <c>POST /api/v1/import</c>: entries of DataHub's metadata file format, snapshots and proposals alike, through the one
/// write path. Unlike DataHub's batch actions it refuses entries one by one: the valid ones are written together, and the
/// answer lists each refused entry with its reason. Entries an export wrote restore their versions, which takes an admin token.
/// </summary>
internal sealed class ImportEndpoint(MetadataWriter writer) : Endpoint<ImportRequest, ImportResponse>
{
    public override void Configure()
    {
        Post("/api/v1/import");
        Scopes(Scope.Write);
        RequestBinder(new WireBinder<ImportRequest>());
    }

    public override async Task HandleAsync(ImportRequest req, CancellationToken ct)
    {
        var import = new CatalogImport(writer, Scope.Grants(User, Scope.Admin));
        await Send.OkAsync(await import.ApplyAsync(req.Entries, ct), ct);
    }
}
