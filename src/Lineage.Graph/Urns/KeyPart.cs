namespace Lineage.Graph.Urns;

/// <summary>One field of an entity's key aspect, in the order it appears in the URN's tuple.</summary>
/// <param name="Name">The key aspect's JSON field name, e.g. <c>platform</c>.</param>
/// <param name="Kind">How the part is validated.</param>
/// <param name="UrnEntityType">For <see cref="KeyPartKind.Urn"/>: the entity type the nested URN must have; null means any known type.</param>
public sealed record KeyPart(string Name, KeyPartKind Kind = KeyPartKind.Text, string? UrnEntityType = null);
