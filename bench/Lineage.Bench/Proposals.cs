using System.Text.Json.Nodes;

namespace Lineage.Bench;

/// <summary>DataHub's metadata change proposal, as <c>ingestProposal(Batch)</c> takes it.</summary>
internal static class Proposals
{
    public static JsonObject Upsert(string urn, string aspect, JsonNode value) => new()
    {
        ["entityType"] = urn.Split(':')[2],
        ["entityUrn"] = urn,
        ["changeType"] = "UPSERT",
        ["aspectName"] = aspect,
        ["aspect"] = new JsonObject { ["value"] = value.ToJsonString(), ["contentType"] = "application/json" },
    };
}
