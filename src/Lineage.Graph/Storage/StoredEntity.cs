namespace Lineage.Graph.Storage;

/// <summary>An entity with the latest version of each stored aspect (the key aspect only if a client wrote it).</summary>
public sealed record StoredEntity(string Urn, string EntityType, bool Removed, IReadOnlyList<StoredAspect> Aspects);
