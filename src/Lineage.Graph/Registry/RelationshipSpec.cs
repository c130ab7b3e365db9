namespace Lineage.Graph.Registry;

/// <summary>
/// How a URN field becomes an edge: the relationship name (DataHub's <c>@Relationship.name</c>) and,
/// for lineage edges, which end is upstream.
/// </summary>
public sealed record RelationshipSpec(string Name, LineageRole Lineage);

/// <summary>Whether an edge is lineage, and if so whether its target is upstream or downstream of its source.</summary>
public enum LineageRole
{
    /// <summary>Not lineage (ownership, tags, terms, domains …).</summary>
    None,

    /// <summary>The target feeds the entity holding the field (DataHub's default): dataset → feature for DerivedFrom.</summary>
    TargetIsUpstream,

    /// <summary>The entity holding the field feeds the target: model → group for MemberOf, job → dataset for Produces.</summary>
    TargetIsDownstream,
}
