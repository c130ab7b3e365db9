using System.Text.Json.Nodes;

namespace Lineage.Graph.Writing;

/// <summary>
/// A metadata change proposal, already lifted out of its wire format (Rest.li or OpenAPI).
/// </summary>
/// <param name="EntityType">The entity type the client named, or null; when given it must match the URN's.</param>
/// <param name="Value">The aspect value for UPSERT and CREATE; a JSON Patch array for PATCH; null for DELETE.</param>
/// <param name="IfVersionMatch">The revision the stored aspect must have for the write to go ahead (0 = absent).</param>
public sealed record Proposal(
    string? EntityType,
    string EntityUrn,
    ChangeType ChangeType,
    string AspectName,
    JsonNode? Value,
    JsonObject? SystemMetadata = null,
    long? IfVersionMatch = null)
{
    /// <summary>
    /// Where the wire put <see cref="Value"/>, below the path that names the proposal: Rest.li's <c>aspect.value</c>,
    /// OpenAPI's <c>&lt;aspect&gt;.value</c>; errors inside a PATCH value are named under it.
    /// </summary>
    public string ValuePath { get; init; } = "aspect.value";

    /// <summary>
    /// An UPSERT that is skipped, not refused, when the aspect is already stored: a value only the first writer should
    /// set (a run's creation, from whichever of its events arrives first). No wire format sends it; mappings do.
    /// </summary>
    public bool OnlyIfAbsent { get; init; }

    /// <summary>
    /// Set when the proposal recreates a version an export wrote (an import): the revision it had, when and by whom it
    /// was written. Only UPSERT and DELETE restore.
    /// </summary>
    public RestoredVersion? Restore { get; init; }
}

/// <summary>
/// A version as an export recorded it: its revision, and when (Unix ms) and by whom it was first written. A timeseries
/// value has no revision unless it was the aspect's latest.
/// </summary>
public sealed record RestoredVersion(long? Revision, long CreatedAt, string CreatedBy);

/// <summary>DataHub's change types that Lineage accepts.</summary>
public enum ChangeType
{
    /// <summary>Write the aspect whole, replacing what is stored.</summary>
    Upsert,

    /// <summary>Like UPSERT, but the batch fails when the aspect exists.</summary>
    Create,

    /// <summary>The SDK's create(): the batch fails when the entity already exists.</summary>
    CreateEntity,

    /// <summary>Remove the aspect.</summary>
    Delete,

    /// <summary>Apply JSON Patch operations to the stored value (or to <c>{}</c> when absent).</summary>
    Patch,
}
