using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Api.Wire;
using Lineage.Graph.Writing;

namespace Lineage.Api.Ingest.IngestProposal;

/// <summary><c>POST /aspects?action=ingestProposal</c>: one MetadataChangeProposal, as DataHub's REST emitter sends it.</summary>
internal sealed class IngestProposalEndpoint(MetadataWriter writer) : Endpoint<IngestProposalRequest>
{
    private static readonly RestLiAction Action = new("/aspects", "ingestProposal");

    public override void Configure()
    {
        Post(Action.Registration);
        Options(Action.Bind);
        Scopes(Scope.Write);
        RequestBinder(new WireBinder<IngestProposalRequest>());
    }

    public override async Task HandleAsync(IngestProposalRequest req, CancellationToken ct)
    {
        await writer.ApplyAsync([req.Proposal], _ => "proposal", MetadataWriter.SystemActor, ct);
        await Send.OkAsync(new { value = req.Proposal.EntityUrn }, ct);
    }
}
