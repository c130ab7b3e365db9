namespace Lineage.Graph.Storage;

/// <summary>Edges touching one entity, as <c>GET /relationships</c> asks for them.</summary>
/// <param name="Direction">Outgoing: edges the entity's aspects produced; incoming: edges pointing at it.</param>
/// <param name="Types">Relationship names to keep; empty keeps all.</param>
/// <param name="IncludeRemoved">Whether to list soft-deleted entities at the other end.</param>
public sealed record RelationshipQuery(
    string Urn,
    RelationshipDirection Direction,
    IReadOnlyList<string> Types,
    int Start,
    int Count,
    bool IncludeRemoved = false);

/// <summary>Which way an edge is read from the entity asked about.</summary>
public enum RelationshipDirection
{
    Outgoing,
    Incoming,
}

/// <summary>A page of related entities.</summary>
public sealed record RelationshipPage(int Start, int Total, IReadOnlyList<RelatedEntity> Items);

/// <summary>The entity at the other end of an edge, and the edge's relationship name.</summary>
public sealed record RelatedEntity(string Type, string Urn);
