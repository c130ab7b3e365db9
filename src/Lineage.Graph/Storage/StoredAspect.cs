using System.Text.Json.Nodes;

namespace Lineage.Graph.Storage;

/// <summary>
/// One version of one aspect. <see cref="Version"/> is DataHub's: 0 is the latest, 1 the oldest kept.
/// <see cref="Revision"/> counts the writes that changed the aspect, so history version k holds revision k
/// and the latest holds the number an <c>If-Version-Match</c> header compares with.
/// </summary>
/// <param name="DeletedAt">When the aspect was deleted while this version was its latest; null otherwise (and on
/// reads that do not say: only archives do).</param>
public sealed record StoredAspect(
    string Urn,
    string Name,
    long Version,
    long Revision,
    JsonObject Value,
    JsonObject? SystemMetadata,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? DeletedAt = null);
