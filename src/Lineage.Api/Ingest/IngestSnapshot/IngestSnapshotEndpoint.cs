using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Api.Ingest.Readers;
using Lineage.Api.Wire;
using Lineage.Graph.Writing;

namespace Lineage.Api.Ingest.IngestSnapshot;

/// <summary>
/// <c>POST /entities?action=ingest</c>: one DataHub snapshot (an MCE's proposedSnapshot), each aspect an UPSERT, all
/// or nothing.
/// </summary>
internal sealed class IngestSnapshotEndpoint(MetadataWriter writer) : Endpoint<IngestSnapshotRequest>
{
    private static readonly RestLiAction Action = new("/entities", "ingest");

    public override void Configure()
    {
        Post(Action.Registration);
        Options(Action.Bind);
        Scopes(Scope.Write);
        RequestBinder(new WireBinder<IngestSnapshotRequest>());
    }

    public override async Task HandleAsync(IngestSnapshotRequest req, CancellationToken ct)
    {
        await writer.ApplyAsync(SnapshotBody.Proposals(req.Aspects), i => req.Aspects[i].Path, MetadataWriter.SystemActor, ct);
        // Rest.li answers a void action with 200 and no body; DataHub's emitter reads only the status.
        await Send.OkAsync(ct);
    }
}
