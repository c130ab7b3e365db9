using Lineage.Api.OpenLineage.Events;
using Lineage.Api.Wire;

namespace Lineage.Api.OpenLineage.IngestEvent;

/// <summary>The body of <c>POST /api/v1/lineage</c>: one OpenLineage event, read by <see cref="EventReader"/>.</summary>
internal sealed record IngestEventRequest(OpenLineageEvent Event) : IWireRequest<IngestEventRequest>
{
    public static async ValueTask<IngestEventRequest> ReadAsync(HttpContext context, CancellationToken ct) =>
        new(EventReader.Read(await JsonBody.ReadAsync(context.Request, ct)));
}
