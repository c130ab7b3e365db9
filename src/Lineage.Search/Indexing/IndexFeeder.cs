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
/// commits them with the new sequence. The store commits first, so a crash between the two only means the next
/// catch-up applies the change again — and applying is idempotent.
/// </summary>
public sealed class IndexFeeder(
    IGraphStore store, SearchIndex index, MetadataRegistry registry, ChangeSignal signal, IConfiguration configuration,
    ILogger<IndexFeeder> logger) : BackgroundService
{
    // Large pages under a bulk load: a hub that many changes point at is rebuilt once per page, and the searcher is
    // reopened once per page (after a 40k-entity bulk load the index caught up in 4.7 s instead of 12.4 s at 1,000).
    private const int PageSize = 4000;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(5);
    private const int SettleAttempts = 40;
    private readonly SemaphoreSlim _running = new(1, 1);

    /// <summary>The last change of the feed this instance's index has applied and made searchable.</summary>
    public long AppliedSequence => index.AppliedSequence;

    /// <summary>The configuration key of the <c>--reindex</c> start-up switch.</summary>
    public const string RebuildOnStartKey = "Lineage:Search:RebuildOnStart";

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
    /// Applies every change after the index's sequence; returns the sequence reached. The background loop passes
    /// <paramref name="commitWhenCaughtUp"/> true only after a poll interval without writes: while writes keep coming
    /// (and their acknowledgements apply them, see <see cref="WaitAppliedAsync"/>), every pass makes its changes
    /// searchable but a commit (several fsyncs) waits for the index's commit interval or for a quiet moment instead of
    /// following every batch. A restart resumes from the last commit and applies what follows again, which is
    /// idempotent.
    /// </summary>
    private async Task<long> CatchUpAsync(bool commitWhenCaughtUp, CancellationToken ct)
    {
        await _running.WaitAsync(ct);
        try
        {
            while (true)
            {
                var changes = await store.ReadChangesAfterAsync(index.AppliedSequence, PageSize, ct);
                if (changes.Count == 0)
                {
                    if (commitWhenCaughtUp) index.Commit();
                    return index.AppliedSequence;
                }
                await ApplyAsync(changes, ct);
            }
        }
        finally
        {
            _running.Release();
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
        }
        finally
        {
            _running.Release();
        }
        return await CatchUpAsync(ct);
    }

    private async Task ApplyAsync(IReadOnlyList<ChangeRecord> changes, CancellationToken ct)
    {
        var urns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            urns.Add(change.Urn);
            // The other ends of edges that came or went are better or worse connected now. A hard delete's change
            // carries no values, and the store has dropped the entity's edges: the index remembers where they went.
            foreach (var target in EdgeTargets(change)) urns.Add(target);
            if (change.Kind == ChangeKind.EntityDeleted)
                foreach (var target in index.TargetsOf(change.Urn)) urns.Add(target);
        }

        var connectivity = await store.GetConnectivityAsync(urns, ct);
        var entities = await ReadSettledAsync(urns, changes, ct);
        var upserts = entities.Values
            .Select(e => EntityDocumentBuilder.Build(e, connectivity.GetValueOrDefault(e.Urn)) with { Targets = TargetsOf(e) })
            .ToList();
        var deletes = urns.Where(u => !entities.ContainsKey(u)).ToList();
        index.Apply(upserts, deletes, changes[^1].Sequence);
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
