using System.Text.Json.Nodes;
using FastEndpoints;
using Lineage.Api.Entities.TimeseriesValues;
using Lineage.Api.Wire;
using Lineage.Graph.Reading;
using Lineage.Graph.Errors;
using Lineage.Graph.Writing;

namespace Lineage.Api.Ingest;

/// <summary>
/// <c>POST /aspects?action=ingestProposal</c> and <c>?action=ingestProposalBatch</c>: Rest.li routes actions by
/// query parameter, so both live on one route, and so does the timeseries read <c>getTimeseriesAspectValues</c>.
/// A batch is all or nothing; errors name the failing proposal.
/// </summary>
internal sealed class IngestEndpoint(MetadataWriter writer, MetadataReader reader) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Post("/aspects");
        AllowAnonymous();
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var action = RestLi.Required(HttpContext, "action");
        var body = await JsonBody.ReadObjectAsync(HttpContext.Request, ct);
        var header = HttpContext.Request.Headers["If-Version-Match"].FirstOrDefault();
        switch (action)
        {
            case "ingestProposal":
            {
                var proposal = Read(body["proposal"], "proposal", header);
                await writer.ApplyAsync([proposal], _ => "proposal", MetadataWriter.SystemActor, ct);
                await Send.OkAsync(new { value = proposal.EntityUrn }, ct);
                break;
            }
            case "ingestProposalBatch":
            {
                if (body["proposals"] is not JsonArray items) throw new ValidationException("proposals", "required array is missing");
                var proposals = items.Select((p, i) => Read(p, $"proposals[{i}]", header)).ToList();
                await writer.ApplyAsync(proposals, i => $"proposals[{i}]", MetadataWriter.SystemActor, ct);
                await Send.OkAsync(new { value = proposals.Select(p => p.EntityUrn).ToList() }, ct);
                break;
            }
            case "getTimeseriesAspectValues":
                await Send.OkAsync(await TimeseriesValuesAction.HandleAsync(reader, body, ct), ct);
                break;
            default:
                throw new ValidationException("action",
                    $"'{action}' is not an action of /aspects; use ingestProposal, ingestProposalBatch or getTimeseriesAspectValues");
        }
    }

    private static Proposal Read(JsonNode? node, string path, string? header)
    {
        try
        {
            return ProposalReader.Read(node, header);
        }
        catch (ValidationException e)
        {
            throw e.Under(path);
        }
    }
}
