using System.Text.Json.Nodes;
using Lineage.Graph.Storage;

namespace Lineage.Graph.Traversal;

/// <summary>
/// The reads of one lineage answer as the graph stood in the past (<see cref="LineageTime"/>), the same for both
/// stores: the lineage edges current then, from the edge history (<see cref="IGraphStore.GetHistoricalLineageEdgesAsync"/>),
/// and what each node was at the end of that time (soft-deleted, deprecated, owned by whom), rebuilt from its aspects'
/// versions. The walk over them is the one <see cref="LineageWalk"/>.
/// </summary>
public sealed class LineageReadAsOf(IGraphStore store, LineageTime time) : ILineageRead
{
    private readonly DateTimeOffset _moment = time.To;

    private readonly Dictionary<string, NodeFacts?> _facts = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<LineageEdge>> GetHopsAsync(LineageHopQuery query, CancellationToken ct)
    {
        if (query.Frontier.Count == 0) return [];
        var frontier = query.Frontier.ToHashSet(StringComparer.Ordinal);
        bool Near(string urn) => frontier.Contains(urn) || (query.WithColumns && Columns.ParentOf(urn) is { } parent && frontier.Contains(parent));

        // As the stores' steps: an edge leads from its upstream end downstream, and from its downstream end upstream.
        var edges = (await store.GetHistoricalLineageEdgesAsync(query.Frontier, query.WithColumns, time, ct))
            .Where(e => query.RelationshipTypes.Count == 0 || query.RelationshipTypes.Contains(e.Relationship))
            .Where(e => Near(query.Direction == LineageDirection.Downstream ? e.Upstream : e.Downstream))
            .ToList();
        if (query.IncludeRemoved) return edges;
        string Far(LineageEdge e) => query.Direction == LineageDirection.Downstream ? e.Downstream : e.Upstream;
        var facts = await GetNodeFactsAsync(edges.Select(Far).Distinct(StringComparer.Ordinal).ToList(), false, ct);
        return edges.Where(e => facts.GetValueOrDefault(Far(e)) is not { Removed: true }).ToList();
    }

    public async Task<IReadOnlyDictionary<string, NodeFacts>> GetNodeFactsAsync(
        IReadOnlyCollection<string> urns, bool withOwners, CancellationToken ct)
    {
        var unknown = urns.Where(u => !_facts.ContainsKey(u)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            foreach (var urn in unknown) _facts[urn] = null;
            foreach (var archive in await store.GetArchivesAsync(unknown, ct)) _facts[archive.Urn] = FactsOf(archive);
        }
        var facts = new Dictionary<string, NodeFacts>(StringComparer.Ordinal);
        foreach (var urn in urns)
        {
            if (_facts[urn] is { } fact) facts[urn] = withOwners || fact.Owners.Count == 0 ? fact : fact with { Owners = [] };
        }
        return facts;
    }

    public async Task<IReadOnlyList<LineageEdge>> GetEdgesAmongAsync(
        IReadOnlyCollection<string> urns, IReadOnlyList<string> types, bool withColumns, CancellationToken ct)
    {
        if (urns.Count == 0) return [];
        var among = urns.ToHashSet(StringComparer.Ordinal);
        bool Among(string urn) => among.Contains(urn) || (withColumns && Columns.ParentOf(urn) is { } parent && among.Contains(parent));
        return (await store.GetHistoricalLineageEdgesAsync(urns, withColumns, time, ct))
            .Where(e => (types.Count == 0 || types.Contains(e.Relationship)) && Among(e.Source) && Among(e.Target))
            .ToList();
    }

    /// <summary>
    /// What the entity was at the end of the time: ingested if anything of it had been written by then; soft-deleted,
    /// deprecated and owned as its status, deprecation and ownership aspects then said.
    /// </summary>
    private NodeFacts FactsOf(EntityArchive archive)
    {
        var exists = archive.Versions.Any(v => v.CreatedAt <= _moment) || archive.Timeseries.Any(t => t.CreatedAt <= _moment);
        JsonObject? Then(string aspect) => archive.Versions
            .Where(v => v.Name == aspect && v.CreatedAt <= _moment)
            .MaxBy(v => v.Revision) is { } then && !(then.DeletedAt <= _moment) ? then.Value : null;

        var removed = Then("status")?["removed"] is JsonValue r && r.TryGetValue<bool>(out var isRemoved) && isRemoved;
        var deprecated = Then("deprecation")?["deprecated"] is JsonValue d && d.TryGetValue<bool>(out var isDeprecated) && isDeprecated;
        var owners = (Then("ownership")?["owners"] as JsonArray ?? [])
            .Select(o => o?["owner"] is JsonValue v && v.TryGetValue<string>(out var owner) ? owner : null)
            .OfType<string>().ToList();
        return new NodeFacts(removed, exists, deprecated, owners);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
