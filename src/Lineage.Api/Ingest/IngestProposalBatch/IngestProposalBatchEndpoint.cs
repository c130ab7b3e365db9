using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Api.Wire;
using Lineage.Graph.Writing;

namespace Lineage.Api.Ingest.IngestProposalBatch;

/// <summary>
/// <c>POST /aspects?action=ingestProposalBatch</c>: many proposals, all or nothing; an error names the failing one
/// (<c>proposals[3]</c>).
/// </summary>
internal sealed class IngestProposalBatchEndpoint(MetadataWriter writer) : Endpoint<IngestProposalBatchRequest>
{
    private static readonly RestLiAction Action = new("/aspects", "ingestProposalBatch");

    public override void Configure()
    {
        Post(Action.Registration);
        Options(Action.Bind);
        Scopes(Scope.Write);
        RequestBinder(new WireBinder<IngestProposalBatchRequest>());
    }

    public override async Task HandleAsync(IngestProposalBatchRequest req, CancellationToken ct)
    {
        await writer.ApplyAsync(req.Proposals, i => $"proposals[{i}]", MetadataWriter.SystemActor, ct);
        await Send.OkAsync(new { value = req.Proposals.Select(p => p.EntityUrn).ToList() }, ct);
    }
}
