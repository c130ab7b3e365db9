namespace Lineage.Search.Index;

/// <summary>What the index knows of one entity, built from its latest aspects.</summary>
/// <param name="Description">The description to show: the edited one when there is one, else the ingested one.</param>
/// <param name="AllDescriptions">Every description text (ingested and edited), all searchable.</param>
/// <param name="Connectivity">How many edges touch the entity; ties in autocomplete go to the better connected.</param>
public sealed record EntityDocument(
    string Urn,
    string EntityType,
    string Name,
    string? Description,
    IReadOnlyList<string> AllDescriptions,
    string? Platform,
    string? Origin,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Terms,
    string? Domain,
    IReadOnlyList<string> Owners,
    IReadOnlyList<string> CustomProperties,
    bool Deprecated,
    bool Removed,
    long Connectivity)
{
    /// <summary>
    /// The entities its edges point to. Kept in the index so that when the entity is hard-deleted (and the store no
    /// longer knows its edges) the feeder can update the connectivity of what it pointed to.
    /// </summary>
    public IReadOnlyList<string> Targets { get; init; } = [];
}
