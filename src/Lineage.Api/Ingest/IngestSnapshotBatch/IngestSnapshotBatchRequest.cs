using Lineage.Api.Ingest.Readers;
using Lineage.Api.Wire;

namespace Lineage.Api.Ingest.IngestSnapshotBatch;

/// <summary>
/// <c>POST /entities?action=batchIngest</c>'s body, <c>{"entities": [{"value": {&lt;snapshot union&gt;}}, …], "systemMetadata": [{…}, …]}</c> (the list optional, else one per entity): every aspect of the snapshots with its path for errors.
/// </summary>
internal sealed record IngestSnapshotBatchRequest(IReadOnlyList<SnapshotAspect> Aspects) : IWireRequest<IngestSnapshotBatchRequest>
{
    public static async ValueTask<IngestSnapshotBatchRequest> ReadAsync(HttpContext context, CancellationToken ct) =>
        new(SnapshotBody.Read(context.RequestServices.GetRequiredService<SnapshotReader>(),
            await JsonBody.ReadObjectAsync(context.Request, ct), batch: true));
}
