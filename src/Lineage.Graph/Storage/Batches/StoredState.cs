namespace Lineage.Graph.Storage.Batches;

/// <summary>An (entity, aspect) pair.</summary>
public readonly record struct AspectKey(string Urn, string Aspect);

/// <summary>What a store holds for one aspect, read inside the batch's transaction before planning.</summary>
/// <param name="Latest">The latest version, or null when the aspect is absent.</param>
/// <param name="MaxVersion">The highest history version kept (0 when none), so a re-created aspect continues the count.</param>
public sealed record AspectState(LatestAspect? Latest, long MaxVersion)
{
    public static readonly AspectState Absent = new(null, 0);
}

/// <summary>The latest version of an aspect as the planner needs it.</summary>
public sealed record LatestAspect(long Revision, string Hash, string Json);

/// <summary>What a store holds for one entity.</summary>
/// <param name="LatestAspects">How many aspects it has now (CREATE_ENTITY fails when any).</param>
/// <param name="HasData">Whether any aspect version, latest or history, is stored (a hard delete has something to do).</param>
public sealed record EntityState(int LatestAspects, bool HasData)
{
    public static readonly EntityState Absent = new(0, false);
}

/// <summary>A kept timeseries value's place: one per entity, aspect, time and partition.</summary>
public readonly record struct PointKey(string Urn, string Aspect, long TimestampMillis, string Partition);

/// <summary>A kept timeseries value as stored: the value and system metadata as JSON text.</summary>
public sealed record StoredPoint(string Json, string? SystemMetadataJson);

/// <summary>
/// The stored state a batch depends on: every aspect and entity its operations name, and the timeseries values kept
/// where its operations put one (absent ones left out), so a value written again as it is changes nothing.
/// </summary>
public sealed record StoredState(
    IReadOnlyDictionary<AspectKey, AspectState> Aspects,
    IReadOnlyDictionary<string, EntityState> Entities,
    IReadOnlyDictionary<PointKey, StoredPoint>? Points = null)
{
    /// <summary>Where the batch's timeseries operations put their values, each once.</summary>
    public static IReadOnlyList<PointKey> PointsOf(IReadOnlyList<StoreOperation> operations) =>
        [.. operations.OfType<RecordTimeseries>().Select(t => new PointKey(t.Urn, t.Aspect, t.TimestampMillis, t.Partition)).Distinct()];

    /// <summary>The (urn, aspect) pairs and urns a store must read before planning <paramref name="operations"/>.</summary>
    public static (IReadOnlyList<AspectKey> Aspects, IReadOnlyList<string> Entities) KeysOf(IReadOnlyList<StoreOperation> operations)
    {
        var aspects = new List<AspectKey>();
        var seen = new HashSet<AspectKey>();
        foreach (var op in operations)
        {
            var key = op switch
            {
                UpsertAspect u => new AspectKey(u.Urn, u.Aspect),
                RecordTimeseries t => new AspectKey(t.Urn, t.Aspect),
                DeleteAspect d => new AspectKey(d.Urn, d.Aspect),
                _ => (AspectKey?)null,
            };
            if (key is { } k && seen.Add(k)) aspects.Add(k);
        }
        return (aspects, operations.Select(o => o.Urn).Distinct().ToList());
    }
}
