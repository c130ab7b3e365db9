using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Api.Ingest.Readers;
using Lineage.Api.Wire;
using Lineage.Graph.Writing;

namespace Lineage.Api.Ingest.IngestSnapshotBatch;

/// <summary>
/// <c>POST /entities?action=batchIngest</c>: DataHub's snapshots (what its REST sink sends for MCE files such as the
/// quickstart sample data), each aspect an UPSERT, the whole request one all-or-nothing batch.
/// </summary>
internal sealed class IngestSnapshotBatchEndpoint(MetadataWriter writer) : Endpoint<IngestSnapshotBatchRequest>
{
    private static readonly RestLiAction Action = new("/entities", "batchIngest");

    public override void Configure()
    {
        Post(Action.Registration);
        Options(Action.Bind);
        Scopes(Scope.Write);
        RequestBinder(new WireBinder<IngestSnapshotBatchRequest>());
    }

    public override async Task HandleAsync(IngestSnapshotBatchRequest req, CancellationToken ct)
    {
        await writer.ApplyAsync(SnapshotBody.Proposals(req.Aspects), i => req.Aspects[i].Path, MetadataWriter.SystemActor, ct);
        // Rest.li answers a void action with 200 and no body; DataHub's emitter reads only the status.
        await Send.OkAsync(ct);
    }
}
