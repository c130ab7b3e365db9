using Lineage.Api.Ingest.Readers;
using Lineage.Api.Wire;

namespace Lineage.Api.Ingest.IngestSnapshot;

/// <summary>
/// <c>POST /entities?action=ingest</c>'s body, <c>{"entity": {"value": {&lt;snapshot union&gt;}}, "systemMetadata": {…}}</c>: every aspect of the snapshot with its path for errors.
/// </summary>
internal sealed record IngestSnapshotRequest(IReadOnlyList<SnapshotAspect> Aspects) : IWireRequest<IngestSnapshotRequest>
{
    public static async ValueTask<IngestSnapshotRequest> ReadAsync(HttpContext context, CancellationToken ct) =>
        new(SnapshotBody.Read(context.RequestServices.GetRequiredService<SnapshotReader>(),
            await JsonBody.ReadObjectAsync(context.Request, ct), batch: false));
}
