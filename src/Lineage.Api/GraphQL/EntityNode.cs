using Lineage.Graph.Urns;

namespace Lineage.Api.GraphQL;

/// <summary>
/// An entity as a GraphQL value: its URN and GraphQL names. Fields read from the URN answer at once; fields read
/// from aspects go through the request's <see cref="EntityLoader"/>, so a list of entities costs one store read.
/// </summary>
internal sealed record EntityNode(Urn Urn, EntityTypes.Names Names)
{
    /// <summary>The node for a URN, or null when the text is not a URN or GraphQL has no type for its entity type.</summary>
    public static EntityNode? From(string? urn) =>
        urn is not null && Urn.TryParse(urn, out var parsed, out _) && EntityTypes.Of(parsed!.EntityType) is { } names
            ? new EntityNode(parsed, names)
            : null;

    public override string ToString() => Urn.ToString();
}
