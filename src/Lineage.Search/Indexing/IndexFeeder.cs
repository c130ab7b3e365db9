using System.Text.Json.Nodes;
using Lineage.Graph.Changes;
using Lineage.Graph.Errors;
using Lineage.Graph.Registry;
using Lineage.Graph.Relationships;
using Lineage.Graph.Storage;
using Lineage.Search.Index;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lineage.Search.Indexing;

/// <summary>
/// Keeps the search index converging to the store: reads the change feed after the sequence the index has
/// committed, rebuilds the documents of the entities those changes touch from the store's current state, and
/// commits them with the new sequence. The entities at the other end of changed edges (only their rank changes) are
/// rebuilt just after, in the background, once for many changes. The store commits first, so a crash between the two
/// only means the next catch-up applies the change again — and applying is idempotent.
/// </summary>
public sealed class IndexFeeder(
    IGraphStore store, SearchIndex index, MetadataRegistry registry, ChangeSignal signal, IConfiguration configuration,
    ILogger<IndexFeeder> logger) : BackgroundService
{
    // Large pages under a bulk load: a hub that many changes point at is rebuilt once per page, and the searcher is
    // reopened once per page (after a 40k-entity bulk load the index caught up in 4.7 s instead of 12.4 s at 1,000).
    private const int PageSize = 4000;

    // Entities whose rank is refreshed in one step. A refresh sets one value in place, but making it searchable rewrites
    // the rank of every document in each segment it touched, whatever their number: one step for a whole gathering.
    private const int TargetChunk = PageSize;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(5);
    private const int SettleAttempts = 40;
    private readonly SemaphoreSlim _running = new(1, 1);
    private readonly SemaphoreSlim _building = new(1, 1);

    // An empty index follows the feed from this many changes before where it ended when it was built from the store.
    private const long BuildOverlap = 10_000;

    // Entities at the other end of edges that changed, whose rank waits to be refreshed; guarded by _running.
    private readonly StaleTargets _stale = new(TimeSpan.FromSeconds(2), TargetChunk, PageSize);

    /// <summary>The last change of the feed this instance's index has applied and made searchable.</summary>
    public long AppliedSequence => index.AppliedSequence;

    /// <summary>The configuration key of the <c>--reindex</c> start-up switch.</summary>
    public const string RebuildOnStartKey = "Lineage:Search:RebuildOnStart";

    /// <summary>
    /// The configuration key of the feed length from which an empty index is built from the store's entities rather
    /// than by replaying the feed (default <see cref="DefaultBuildFrom"/>).
    /// </summary>
    public const string BuildFromKey = "Lineage:Search:BuildFromChanges";

    /// <summary>Below this many changes, replaying the feed costs about what reading every entity does.</summary>
    public const long DefaultBuildFrom = 20_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (configuration.GetValue<bool>(RebuildOnStartKey))
        {
            logger.LogInformation("Rebuilding the search index from the change feed (--reindex)");
            index.Clear();
        }
        var quiet = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync(commitWhenCaughtUp: quiet, stoppingToken);
            }
            catch (StoreUnavailableException e)
            {
                logger.LogWarning("Search indexing waits for the store: {Reason}", e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Search indexing failed; retrying");
            }
            try
            {
                quiet = !await signal.WaitAsync(Poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Applies every change after the index's sequence and commits the index; returns the sequence reached.</summary>
    public Task<long> CatchUpAsync(CancellationToken ct) => CatchUpAsync(commitWhenCaughtUp: true, ct);

    /// <summary>
    /// Applies every change after the index's sequence, then rebuilds the entities waiting for it
    /// (<see cref="RefreshTargetsAsync"/>); returns the sequence reached. Each step holds the index for one page of
    /// changes or one chunk of entities, so that a write waiting for its acknowledgement (see
    /// <see cref="WaitAppliedAsync"/>) waits for one step, not for the whole pass. The background loop passes
    /// <paramref name="commitWhenCaughtUp"/> true only after a poll interval without writes: while writes keep coming,
    /// every pass makes its changes searchable but a commit (several fsyncs) waits for the index's commit interval or
    /// for a quiet moment instead of following every batch. A restart resumes from the last commit and applies what
    /// follows again, which is idempotent.
    /// </summary>
    private async Task<long> CatchUpAsync(bool commitWhenCaughtUp, CancellationToken ct)
    {
        await BuildFromStoreAsync(ct);
        while (true)
        {
            await _running.WaitAsync(ct);
            try
            {
                // A replay of a long feed refreshes as it goes, or the resume point would stay where it began.
                if (_stale.Count >= PageSize)
                {
                    await RefreshTargetsAsync(_stale.Next(now: true), ct);
                    continue;
                }
                var changes = await store.ReadChangesAfterAsync(index.AppliedSequence, PageSize, ct);
                if (changes.Count > 0)
                {
                    await ApplyAsync(changes, ct);
                    continue;
                }
                if (_stale.Next(now: commitWhenCaughtUp) is { Count: > 0 } due)
                {
                    await RefreshTargetsAsync(due, ct);
                    continue;
                }
                if (commitWhenCaughtUp)
                {
                    index.Commit();
                    index.MergeWhenQuiet();
                }
                return index.AppliedSequence;
            }
            finally
            {
                _running.Release();
            }
        }
    }

    /// <summary>
    /// Applies the change feed until this index has applied <paramref name="sequence"/> — or, when it is null, until
    /// it has read to the end of the feed as it stands now — and answers the sequence applied. Concurrent callers
    /// share the work: one pass applies a whole page, so a burst of writes waits for one index update, not one each.
    /// Nothing is committed to disk here; the background loop does that, and a crash catches up from the feed.
    /// </summary>
    public async Task<long> WaitAppliedAsync(long? sequence, CancellationToken ct)
    {
        await BuildFromStoreAsync(ct);
        while (sequence is null || index.AppliedSequence < sequence)
        {
            var atEnd = false;
            await _running.WaitAsync(ct);
            try
            {
                if (sequence is { } wanted && index.AppliedSequence >= wanted) break;
                var changes = await store.ReadChangesAfterAsync(index.AppliedSequence, PageSize, ct);
                if (changes.Count > 0) await ApplyAsync(changes, ct);
                atEnd = changes.Count < PageSize;
            }
            finally
            {
                _running.Release();
            }
            if (sequence is null && atEnd) break;
            // A change committed but not yet readable (Neo4j reads without a snapshot): look again in a moment.
            if (atEnd && index.AppliedSequence < sequence) await Task.Delay(Retry, ct);
        }
        return index.AppliedSequence;
    }

    /// <summary>Empties the index and builds it again from the whole change feed.</summary>
    public async Task<long> RebuildAsync(CancellationToken ct)
    {
        await _running.WaitAsync(ct);
        try
        {
            index.Clear();
            _stale.Clear();
        }
        finally
        {
            _running.Release();
        }
        return await CatchUpAsync(ct);
    }

    /// <summary>
    /// Builds an empty index from the entities as the store holds them when the feed is long (a new instance on a store
    /// others filled, or <c>--reindex</c>): reading each entity once costs far less than replaying every change since
    /// the first. The feed is then followed from a little before where it ended when the build began, since the last
    /// batch's changes can be visible before all of its aspects are (Neo4j reads record by record); applying a change
    /// again is harmless. A crash during the build leaves the index at sequence 0, and the next start builds it anew.
    /// </summary>
    private async Task BuildFromStoreAsync(CancellationToken ct)
    {
        if (index.AppliedSequence != 0) return;
        await _building.WaitAsync(ct);
        try
        {
            if (index.AppliedSequence != 0) return;
            var end = await store.GetLastSequenceAsync(ct);
            if (end < configuration.GetValue(BuildFromKey, DefaultBuildFrom)) return;
            logger.LogInformation("Building the search index from the store's entities ({End} changes in the feed)", end);
            // What a build that died left behind may hold entities deleted since, which this build would not see.
            index.Clear();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var entities = 0;
            for (string? after = null; ;)
            {
                var urns = await store.ListEntityUrnsAsync(after, PageSize, ct);
                if (urns.Count == 0) break;
                await _running.WaitAsync(ct);
                try
                {
                    var page = await store.GetEntitiesAsync(urns, ct);
                    // Sequence 0 until the build is whole: searchable as it goes, but a restart builds again.
                    await IndexAsync(urns, page, 0, ct);
                    entities += page.Count;
                }
                finally
                {
                    _running.Release();
                }
                after = urns[^1];
            }
            var resume = Math.Max(0, end - BuildOverlap);
            index.Apply([], [], resume);
            index.Commit();
            logger.LogInformation("Built the search index from {Entities} entities in {Seconds:0.0} s; following the feed after change {Resume}",
                entities, clock.Elapsed.TotalSeconds, resume);
        }
        finally
        {
            _building.Release();
        }
    }

    private async Task ApplyAsync(IReadOnlyList<ChangeRecord> changes, CancellationToken ct)
    {
        var urns = changes.Select(change => change.Urn).ToHashSet(StringComparer.Ordinal);
        // The other ends of edges that came or went are better or worse connected now; only their rank changes, so
        // they are rebuilt after the changed entities are searchable (RefreshTargetsAsync), once for many changes. A
        // hard delete's change carries no values, and the store has dropped the entity's edges: the index remembers
        // where they went.
        foreach (var change in changes)
        {
            _stale.Add(EdgeTargets(change), change.Sequence);
            if (change.Kind == ChangeKind.EntityDeleted) _stale.Add(index.TargetsOf(change.Urn), change.Sequence);
        }
        _stale.Remove(urns);

        await IndexAsync(urns, await ReadSettledAsync(urns, changes, ct), changes[^1].Sequence, ct);
    }

    /// <summary>
    /// Refreshes entities whose edges changed at their other end (<see cref="StaleTargets"/>): only their connectivity
    /// (which ranks them) changed, so it is set in their documents in place, not rebuilt from the store. A restart before
    /// all are refreshed resumes from the change that made the first one wait.
    /// </summary>
    private async Task RefreshTargetsAsync(List<string> urns, CancellationToken ct)
    {
        var connectivity = await store.GetConnectivityAsync(urns, ct);
        var sequence = index.AppliedSequence;
        index.UpdateConnectivity(urns.ToDictionary(u => u, u => connectivity.GetValueOrDefault(u), StringComparer.Ordinal), sequence, _stale.ResumeAfter(sequence));
    }

    private async Task IndexAsync(IReadOnlyCollection<string> urns, IReadOnlyDictionary<string, StoredEntity> entities, long sequence, CancellationToken ct)
    {
        var connectivity = await store.GetConnectivityAsync(urns, ct);
        var upserts = entities.Values
            .Select(e => EntityDocumentBuilder.Build(e, connectivity.GetValueOrDefault(e.Urn)) with { Targets = TargetsOf(e) })
            .ToList();
        var deletes = urns.Where(u => !entities.ContainsKey(u)).ToList();
        index.Apply(upserts, deletes, sequence, _stale.ResumeAfter(sequence));
    }

    /// <summary>
    /// The entities the changes touch, read once every upsert among the changes shows. Neo4j reads without a snapshot,
    /// record by record: a read while a batch is being committed can see its change records and only some of its
    /// aspects, and a document built then would miss the rest until the entity changed again. A later change may have
    /// removed an aspect for good, so the reads stop after a few tries and take what is there.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, StoredEntity>> ReadSettledAsync(
        IReadOnlyCollection<string> urns, IReadOnlyList<ChangeRecord> changes, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var entities = await store.GetEntitiesAsync(urns, ct);
            if (attempt == SettleAttempts || changes.All(change => Shows(entities, change))) return entities;
            await Task.Delay(Retry, ct);
        }
    }

    private static bool Shows(IReadOnlyDictionary<string, StoredEntity> entities, ChangeRecord change) =>
        change.Kind != ChangeKind.AspectUpserted
        || entities.TryGetValue(change.Urn, out var entity) && entity.Aspects.Any(a => a.Name == change.Aspect && a.Revision >= change.Revision);

    private List<string> TargetsOf(StoredEntity entity) =>
        entity.Aspects
            .SelectMany(a => registry.AspectOf(entity.EntityType, a.Name) is { } spec
                ? RelationshipExtractor.Extract(entity.Urn, spec, a.Value)
                : [])
            .Select(edge => edge.Target)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private IEnumerable<string> EdgeTargets(ChangeRecord change)
    {
        if (change.Aspect is null || registry.AspectOf(change.EntityType, change.Aspect) is not { } spec) return [];
        return new[] { change.Previous, change.Current }
            .OfType<JsonObject>()
            .SelectMany(value => RelationshipExtractor.Extract(change.Urn, spec, value))
            .Select(edge => edge.Target);
    }
}
