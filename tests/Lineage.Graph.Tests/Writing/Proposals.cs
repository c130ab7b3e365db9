using System.Text.Json.Nodes;
using Lineage.Graph.Storage;
using Lineage.Graph.Writing;

namespace Lineage.Graph.Tests.Writing;

/// <summary>Proposals written the short way, and the write path called as an ingest endpoint calls it.</summary>
internal static class Proposals
{
    public const string Actor = "urn:li:corpuser:writer-tests";

    public static Proposal Upsert(string urn, string aspect, string json) =>
        new(null, urn, ChangeType.Upsert, aspect, JsonNode.Parse(json));

    public static Proposal Create(string urn, string aspect, string json) =>
        new(null, urn, ChangeType.Create, aspect, JsonNode.Parse(json));

    public static Proposal Patch(string urn, string aspect, string operations) =>
        new(null, urn, ChangeType.Patch, aspect, JsonNode.Parse(operations));

    public static Proposal Delete(string urn, string aspect) => new(null, urn, ChangeType.Delete, aspect, null);

    /// <summary>Applies the proposals as one batch, naming proposal i <c>proposals[i]</c> in errors.</summary>
    public static Task<IReadOnlyList<WriteOutcome>> ApplyBatchAsync(this MetadataWriter writer, params Proposal[] proposals) =>
        writer.ApplyAsync(proposals, i => $"proposals[{i}]", Actor, CancellationToken.None);
}
