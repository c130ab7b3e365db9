using Lineage.Graph.Registry;
using Lineage.Graph.Storage;

namespace Lineage.Graph.Reading;

/// <summary>An entity as the read endpoints show it: the key aspect first, then the latest of every other aspect by name.</summary>
public sealed record EntityView(string Urn, EntitySpec Spec, bool Removed, IReadOnlyList<AspectView> Aspects);

/// <summary>One aspect of an entity view with its schema.</summary>
public sealed record AspectView(AspectSpec Spec, StoredAspect Stored);

/// <summary>Every kept version of one aspect, latest (0) first, then newest history to oldest.</summary>
public sealed record AspectHistory(AspectSpec Spec, IReadOnlyList<StoredAspect> Versions);
