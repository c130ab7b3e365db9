using FastEndpoints;
using Lineage.Api.Auth;
using Lineage.Api.Wire;
using Lineage.Graph.Reading;
using Lineage.Graph.Writing;

namespace Lineage.Api.Ingest.OpenApiEntities;

/// <summary>
/// <c>POST /openapi/v3/entity/{entityType}</c> (UPSERT) and <c>PATCH</c> (JSON Patch), what DataHub's SDK sends when
/// the server reports 1.0.1 or later: every aspect of the body is one proposal of one all-or-nothing batch.
/// </summary>
internal sealed class OpenApiEntitiesEndpoint(MetadataWriter writer, MetadataReader reader) : Endpoint<OpenApiEntitiesRequest>
{
    public override void Configure()
    {
        Verbs(Http.POST, Http.PATCH);
        Routes(OpenApiTarget.Prefix + "{entityType}");
        Scopes(Scope.Write);
        RequestBinder(new WireBinder<OpenApiEntitiesRequest>());
    }

    public override async Task HandleAsync(OpenApiEntitiesRequest req, CancellationToken ct)
    {
        var items = req.Items;
        await writer.ApplyAsync(items.Select(i => i.Proposal).ToList(), i => items[i].Path, MetadataWriter.SystemActor, ct);

        var written = req.ChangeType == ChangeType.Patch
            ? await PatchedValuesAsync(items.Select(i => i.Proposal), ct)
            : items.Select(i => new GenericEntityWire.Item(i.Proposal.EntityUrn, i.Proposal.AspectName, i.Proposal.Value!, i.Proposal.SystemMetadata));
        // DataHub defaults to async; Lineage writes before it answers either way, and says 202 only when asked to be async.
        await Send.ResponseAsync(GenericEntityWire.Entities(written, req.WithSystemMetadata), req.Async ? 202 : 200, ct);
    }

    /// <summary>A patch's result is known only to the store: read each patched aspect back.</summary>
    private async Task<IEnumerable<GenericEntityWire.Item>> PatchedValuesAsync(IEnumerable<Proposal> proposals, CancellationToken ct)
    {
        var items = new List<GenericEntityWire.Item>();
        foreach (var proposal in proposals.DistinctBy(p => (p.EntityUrn, p.AspectName)))
        {
            if (await reader.GetAspectAsync(proposal.EntityUrn, proposal.AspectName, 0, ct) is { } aspect)
                items.Add(new GenericEntityWire.Item(proposal.EntityUrn, proposal.AspectName, aspect.Stored.Value, AspectWire.SystemMetadata(aspect)));
        }
        return items;
    }
}
