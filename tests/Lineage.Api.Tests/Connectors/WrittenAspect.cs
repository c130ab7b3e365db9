using System.Text.Json.Nodes;

namespace Lineage.Api.Tests.Connectors;

/// <summary>
/// One aspect a file entry writes, as DataHub's client sends it (after <c>pre_json_transform</c>); Entry is its index
/// in the file. Value is the aspect for an UPSERT, the JSON patch's operations for a PATCH.
/// </summary>
public sealed record WrittenAspect(int Entry, string EntityType, string Urn, string AspectName, JsonNode Value, string ChangeType = "UPSERT")
{
    public bool IsPatch => ChangeType == "PATCH";

    public override string ToString() => $"entry {Entry}: {EntityType} {Urn} {AspectName}{(IsPatch ? " (PATCH)" : "")}";
}
