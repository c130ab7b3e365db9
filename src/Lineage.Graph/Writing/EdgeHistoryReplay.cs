using Lineage.Graph.Errors;
using Lineage.Graph.Registry;
using Lineage.Graph.Relationships;
using Lineage.Graph.Storage;
using Lineage.Graph.Storage.Batches;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lineage.Graph.Writing;

/// <summary>
/// Completes the edge history of a store that had data before it kept one. The store started the history from its
/// current edges (each dated by its aspect's latest version); this adds, once, the lineage edges of every version
/// replaced before then, read again from the kept versions with the write path's own extraction, each from its
/// version's time to the time it was replaced or deleted. Every interval it adds ended before the history began, so
/// it never meets one the write path keeps, and it runs in the background while the service serves. Interrupted, it
/// starts over at the next start; an interval added twice changes no answer.
/// </summary>
public sealed class EdgeHistoryReplay(IGraphStore store, MetadataRegistry registry, ILogger<EdgeHistoryReplay> logger) : BackgroundService
{
    /// <summary>Entities read at a time.</summary>
    private const int Page = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var (entities, edges) = await RunAsync(stoppingToken);
            if (entities > 0) logger.LogInformation("Edge history completed from the versions of {Entities} entities: {Edges} older edges", entities, edges);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (LineageException e)
        {
            logger.LogWarning("The edge history's replay of older versions did not finish ({Reason}); it runs again at the next start", e.Message);
        }
    }

    /// <summary>Replays the older versions, if the store still needs it; how many entities were read and edges added.</summary>
    public async Task<(int Entities, int Edges)> RunAsync(CancellationToken ct)
    {
        if (await store.GetEdgeHistoryReplayAsync(ct) is not { } began) return (0, 0);
        var (entities, edges) = (0, 0);
        for (string? after = null; ;)
        {
            var urns = await store.ListEntityUrnsAsync(after, Page, ct);
            if (urns.Count == 0) break;
            var versions = (await store.GetArchivesAsync(urns, ct)).SelectMany(a => Replaced(a, began)).ToList();
            await store.AppendEdgeHistoryAsync(versions, done: false, ct);
            (entities, edges, after) = (entities + urns.Count, edges + versions.Count, urns[^1]);
        }
        await store.AppendEdgeHistoryAsync([], done: true, ct);
        return (entities, edges);
    }

    /// <summary>
    /// The lineage edges of the entity's versions that stopped being current before <paramref name="began"/>: each
    /// version's from its time until the next version's, or its deletion.
    /// </summary>
    private IEnumerable<EdgeVersion> Replaced(EntityArchive archive, DateTimeOffset began)
    {
        foreach (var aspect in archive.Versions.GroupBy(v => v.Name))
        {
            if (registry.Aspect(aspect.Key) is not { IsTimeseries: false } spec) continue;
            var versions = aspect.OrderBy(v => v.Revision).ToList();
            for (var i = 0; i < versions.Count; i++)
            {
                var ended = versions[i].DeletedAt ?? (i + 1 < versions.Count ? versions[i + 1].CreatedAt : null);
                if (ended is not { } until || until > began) continue;
                var edges = RelationshipExtractor.Extract(archive.Urn, spec, versions[i].Value).Where(e => e.Lineage != LineageRole.None);
                foreach (var edge in edges)
                    yield return new EdgeVersion(edge, versions[i].CreatedAt.ToUnixTimeMilliseconds(), until.ToUnixTimeMilliseconds());
            }
        }
    }
}
