using Lineage.Graph.Errors;
using Lineage.Graph.Registry;
using Lineage.Graph.Storage;
using Lineage.Graph.Urns;

namespace Lineage.Graph.Reading;

/// <summary>
/// Reads entities and aspects for the API, adding what DataHub serves but nobody stores: the key aspect, derived
/// from the URN, for every entity that has any aspect.
/// </summary>
public sealed class MetadataReader(IGraphStore store, MetadataRegistry registry)
{
    /// <summary>How many of the newest values a filtered timeseries read looks through.</summary>
    private const int FilteredScan = 10_000;

    /// <summary>
    /// The entity with the named aspects (all when <paramref name="only"/> is empty), or null when it has none; with
    /// <paramref name="asOf"/>, as it stood at that moment (<see cref="AsOf"/>), or null when it had none then.
    /// </summary>
    public async Task<EntityView?> GetEntityAsync(string urnText, IReadOnlyCollection<string> only, CancellationToken ct, DateTimeOffset? asOf = null)
    {
        var urn = Urn.Parse(urnText, "urn");
        if (registry.Entity(urn.EntityType) is not { } spec) return null;
        var stored = asOf is { } moment ? await EntityAsOfAsync(urn, moment, ct) : await store.GetEntityAsync(urn.ToString(), ct);
        if (stored is null) return null;

        var key = registry.KeyAspect(urn.EntityType);
        var aspects = new List<AspectView>();
        if (stored.Aspects.All(a => a.Name != key.Name))
            aspects.Add(new AspectView(key, DerivedKey(urn, key, stored.Aspects)));
        aspects.AddRange(stored.Aspects
            .Select(a => registry.Aspect(a.Name) is { } aspectSpec ? new AspectView(aspectSpec, a) : null)
            .OfType<AspectView>()
            .OrderBy(a => !a.Spec.IsKey));
        if (only.Count > 0) aspects = aspects.Where(a => only.Contains(a.Spec.Name)).ToList();
        return new EntityView(urn.ToString(), spec, stored.Removed, aspects);
    }

    /// <summary>
    /// The aspects current at <paramref name="moment"/>, rebuilt from what the store keeps: of each aspect, the newest
    /// version written by then, unless the aspect had been deleted by then; of each timeseries aspect, the value with
    /// the newest time among those written by then. Empty when the entity had none then (or was hard-deleted since:
    /// that takes its history with it).
    /// </summary>
    public static IReadOnlyList<StoredAspect> AsOf(EntityArchive archive, DateTimeOffset moment, MetadataRegistry registry)
    {
        var current = new List<StoredAspect>();
        foreach (var aspect in archive.Versions.GroupBy(v => v.Name))
        {
            if (registry.Aspect(aspect.Key) is { IsTimeseries: true }) continue;
            var then = aspect.Where(v => v.CreatedAt <= moment).MaxBy(v => v.Revision);
            if (then is not null && !(then.DeletedAt <= moment)) current.Add(then);
        }
        foreach (var values in archive.Timeseries.Where(t => t.CreatedAt <= moment).GroupBy(t => t.Aspect))
        {
            var newest = values.MaxBy(t => t.TimestampMillis)!;
            current.Add(new StoredAspect(archive.Urn, values.Key, 0, 0, newest.Value, newest.SystemMetadata, newest.CreatedAt, newest.CreatedBy));
        }
        return [.. current.OrderBy(a => a.Name, StringComparer.Ordinal)];
    }

    private async Task<StoredEntity?> EntityAsOfAsync(Urn urn, DateTimeOffset moment, CancellationToken ct)
    {
        var archive = (await store.GetArchivesAsync([urn.ToString()], ct)).SingleOrDefault();
        if (archive is null) return null;
        var aspects = AsOf(archive, moment, registry);
        if (aspects.Count == 0) return null;
        var removed = aspects.FirstOrDefault(a => a.Name == "status")?.Value["removed"]?.GetValue<bool>() ?? false;
        return new StoredEntity(archive.Urn, archive.EntityType, removed, aspects);
    }

    /// <summary>
    /// One version of one aspect (the key aspect at version 0 included), or null; with <paramref name="asOf"/>, the
    /// version current at that moment (<see cref="AsOf"/>) instead.
    /// </summary>
    public async Task<AspectView?> GetAspectAsync(string urnText, string aspectName, long version, CancellationToken ct, DateTimeOffset? asOf = null)
    {
        var urn = Urn.Parse(urnText, "urn");
        // An aspect this entity type does not have is simply absent: clients probe (telemetryClientId) and expect 404.
        if (registry.AspectOf(urn.EntityType, aspectName) is not { } spec) return null;
        if (asOf is { } moment)
            return (await GetEntityAsync(urnText, [aspectName], ct, moment))?.Aspects.SingleOrDefault();

        var stored = await store.GetAspectAsync(urn.ToString(), aspectName, version, ct);
        if (stored is not null) return new AspectView(spec, stored);
        if (!spec.IsKey || version != 0) return null;
        var entity = await store.GetEntityAsync(urn.ToString(), ct);
        return entity is null ? null : new AspectView(spec, DerivedKey(urn, spec, entity.Aspects));
    }

    /// <summary>
    /// Every kept version of each versioned aspect of an entity (or of the one named), latest first; null when the entity
    /// has none. The key aspect is derived and timeseries values are not versions, so neither appears.
    /// </summary>
    public async Task<IReadOnlyList<AspectHistory>?> GetHistoryAsync(string urnText, string? aspectName, CancellationToken ct)
    {
        var urn = Urn.Parse(urnText, "urn");
        if (aspectName is not null && registry.AspectOf(urn.EntityType, aspectName) is null)
            throw new ValidationException("aspect", $"{urn.EntityType} has no aspect '{aspectName}'");
        var entity = await store.GetEntityAsync(urn.ToString(), ct);
        if (entity is null) return null;

        var history = new List<AspectHistory>();
        foreach (var latest in entity.Aspects.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            if (aspectName is not null && latest.Name != aspectName) continue;
            if (registry.Aspect(latest.Name) is not { IsKey: false, IsTimeseries: false } spec) continue;
            history.Add(new AspectHistory(spec, await store.GetAspectVersionsAsync(urn.ToString(), latest.Name, ct)));
        }
        return history;
    }

    /// <summary>
    /// The kept values of a timeseries aspect in a time range, newest first; an aspect that is not a timeseries aspect of
    /// the entity's type is a 400 naming it.
    /// </summary>
    public async Task<IReadOnlyList<TimeseriesValue>> GetTimeseriesValuesAsync(
        string urnText, string aspectName, long? startTimeMillis, long? endTimeMillis, int limit, TimeseriesFilter? filter,
        CancellationToken ct)
    {
        var urn = Urn.Parse(urnText, "urn");
        var spec = registry.AspectOf(urn.EntityType, aspectName)
                   ?? throw new ValidationException("aspect", $"{urn.EntityType} has no aspect '{aspectName}'");
        if (!spec.IsTimeseries)
            throw new ValidationException("aspect", $"{aspectName} is not a timeseries aspect; read it with GET /aspects/{{urn}}?aspect={aspectName}");
        if (filter is null || filter.AnyOf.Count == 0)
            return await store.GetTimeseriesValuesAsync(
                new TimeseriesQuery(urn.ToString(), spec.Name, startTimeMillis, endTimeMillis, limit), ct);

        // Filters are rare and the values of one entity few, so they are applied to the newest values read in full.
        var values = await store.GetTimeseriesValuesAsync(
            new TimeseriesQuery(urn.ToString(), spec.Name, startTimeMillis, endTimeMillis, FilteredScan), ct);
        return values.Where(v => filter.Matches(v.Value)).Take(limit).ToList();
    }

    private static StoredAspect DerivedKey(Urn urn, AspectSpec key, IReadOnlyList<StoredAspect> aspects)
    {
        var first = aspects.MinBy(a => a.CreatedAt);
        return new StoredAspect(urn.ToString(), key.Name, 0, 1, urn.KeyAspect(), null,
            first?.CreatedAt ?? DateTimeOffset.UnixEpoch, first?.CreatedBy ?? Writing.MetadataWriter.SystemActor);
    }
}
