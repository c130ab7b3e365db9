using System.Text.Json.Nodes;
using Lineage.Api.Ingest.Readers;
using Lineage.Api.Wire;
using Lineage.Graph.Errors;
using Lineage.Graph.Writing;

namespace Lineage.Api.Ingest.IngestProposalBatch;

/// <summary><c>POST /aspects?action=ingestProposalBatch</c>'s body, <c>{"proposals": [MetadataChangeProposal, …]}</c>.</summary>
internal sealed record IngestProposalBatchRequest(IReadOnlyList<Proposal> Proposals) : IWireRequest<IngestProposalBatchRequest>
{
    public static async ValueTask<IngestProposalBatchRequest> ReadAsync(HttpContext context, CancellationToken ct)
    {
        var body = await JsonBody.ReadObjectAsync(context.Request, ct);
        if (body["proposals"] is not JsonArray items) throw new ValidationException("proposals", "required array is missing");
        return new([.. items.Select((p, i) => ProposalReader.ReadAt(p, $"proposals[{i}]", context.Request))]);
    }
}
