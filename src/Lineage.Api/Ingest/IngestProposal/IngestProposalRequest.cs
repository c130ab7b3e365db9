using Lineage.Api.Ingest.Readers;
using Lineage.Api.Wire;
using Lineage.Graph.Writing;

namespace Lineage.Api.Ingest.IngestProposal;

/// <summary>
/// <c>POST /aspects?action=ingestProposal</c>'s body, <c>{"proposal": {MetadataChangeProposal}}</c>, with an optional
/// <c>If-Version-Match</c> header.
/// </summary>
internal sealed record IngestProposalRequest(Proposal Proposal) : IWireRequest<IngestProposalRequest>
{
    public static async ValueTask<IngestProposalRequest> ReadAsync(HttpContext context, CancellationToken ct)
    {
        var body = await JsonBody.ReadObjectAsync(context.Request, ct);
        return new(ProposalReader.ReadAt(body["proposal"], "proposal", context.Request));
    }
}
