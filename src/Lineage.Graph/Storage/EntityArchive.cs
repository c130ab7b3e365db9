namespace Lineage.Graph.Storage;

/// <summary>
/// Everything a store keeps about one entity, for a backup or a move to another store: every version of every aspect
/// (deleted ones' history included), each aspect's oldest revision first, and every kept timeseries value, oldest first.
/// </summary>
public sealed record EntityArchive(
    string Urn,
    string EntityType,
    IReadOnlyList<StoredAspect> Versions,
    IReadOnlyList<TimeseriesValue> Timeseries);
