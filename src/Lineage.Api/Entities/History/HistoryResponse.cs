using System.Text.Json.Nodes;

namespace Lineage.Api.Entities.History;

/// <summary>The kept versions of an entity's aspects.</summary>
internal sealed record HistoryResponse(string Urn, IReadOnlyList<HistoryResponse.AspectHistory> Aspects)
{
    /// <summary>One aspect's versions, latest (0) first.</summary>
    public sealed record AspectHistory(string Name, IReadOnlyList<AspectVersion> Versions);

    /// <summary>One version: when, by whom, what.</summary>
    public sealed record AspectVersion(long Version, long Revision, string CreatedAt, string CreatedBy, JsonNode Value);
}
