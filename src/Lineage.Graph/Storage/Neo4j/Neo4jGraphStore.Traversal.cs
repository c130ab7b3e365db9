using System.Text.Json.Nodes;
using Lineage.Graph.Registry;
using Lineage.Graph.Traversal;

namespace Lineage.Graph.Storage.Neo4j;

public sealed partial class Neo4jGraphStore
{
    /// <summary>
    /// Breadth-first, one Cypher step per hop over the frontier. A variable-length pattern would enumerate every
    /// path, which grows exponentially through the diamonds real estates are full of (and 3.x has no pruning
    /// expand); a frontier visits each node and edge once, and the walk stops as soon as enough nodes are found.
    /// </summary>
    public async Task<TraversalResult> TraverseAsync(TraversalQuery query, CancellationToken ct)
    {
        await InitializeAsync(ct);
        var reached = new Dictionary<string, int>(StringComparer.Ordinal) { [query.Root] = 0 };
        var frontier = new List<string> { query.Root };

        for (var depth = 1; depth <= query.MaxHops && frontier.Count > 0 && reached.Count <= query.MaxNodes; depth++)
        {
            var next = new List<string>();
            foreach (var urn in await NeighboursAsync(frontier, query.Direction, query.RelationshipTypes, query.IncludeRemoved, ct))
                if (reached.TryAdd(urn, depth)) next.Add(urn);
            frontier = next;
        }

        var ordered = reached.OrderBy(n => n.Value).ThenBy(n => n.Key, StringComparer.Ordinal).ToList();
        var truncated = ordered.Count > query.MaxNodes;
        var kept = ordered.Take(query.MaxNodes).ToList();
        var keptUrns = kept.Select(n => n.Key).ToList();

        // The nodes' facts and the edges among them in one request: on a small answer the round trip is most of it.
        var answers = await client.RunAsync(
        [
            Statement(CypherNames.NodeFacts, new JsonObject { ["urns"] = Strings(keptUrns) }),
            EdgesFromStatement(keptUrns, query.RelationshipTypes),
        ], ct);
        var facts = answers[0].Rows
            .ToDictionary(r => r[0]!.GetValue<string>(), r => (Removed: r[1]!.GetValue<bool>(), Exists: r[2]!.GetValue<bool>()));
        var edges = EdgesAmong(keptUrns, answers[1]);
        var parents = ParentChooser.Choose(kept.ToDictionary(n => n.Key, n => n.Value, StringComparer.Ordinal), edges, query.Direction);
        var nodes = kept.Select(n =>
        {
            var fact = facts.GetValueOrDefault(n.Key);
            var parent = parents.GetValueOrDefault(n.Key);
            return new ReachedNode(n.Key, n.Value, parent.Parent, parent.Relationship, fact.Removed, fact.Exists);
        }).ToList();
        return new TraversalResult(nodes, edges, truncated);
    }

    public async Task<IReadOnlyList<string>> StepAsync(LineageStep step, CancellationToken ct)
    {
        if (step.Frontier.Count == 0 || step.Limit <= 0) return [];
        await InitializeAsync(ct);
        var seen = step.Seen as IReadOnlySet<string> ?? step.Seen.ToHashSet(StringComparer.Ordinal);
        return (await NeighboursAsync(step.Frontier, step.Direction, step.RelationshipTypes, step.IncludeRemoved, ct))
            .Where(urn => !seen.Contains(urn))
            .Order(StringComparer.Ordinal)
            .Take(step.Limit)
            .ToList();
    }

    /// <summary>The lineage neighbours of the frontier in the walk's direction (<c>traversal/step</c>), each once.</summary>
    private async Task<IEnumerable<string>> NeighboursAsync(
        IEnumerable<string> frontier, LineageDirection direction, IEnumerable<string> types, bool includeRemoved, CancellationToken ct)
    {
        var (forward, backward) = direction == LineageDirection.Upstream
            ? (LineageRole.TargetIsUpstream, LineageRole.TargetIsDownstream)
            : (LineageRole.TargetIsDownstream, LineageRole.TargetIsUpstream);
        var step = await RunOneAsync(Statement(CypherNames.TraversalStep, new JsonObject
        {
            ["frontier"] = Strings(frontier),
            ["forward"] = (int)forward,
            ["backward"] = (int)backward,
            ["types"] = Strings(types),
            ["includeRemoved"] = includeRemoved,
        }), ct);
        return step.Rows.Select(row => row[0]!.GetValue<string>());
    }

    public async Task<IReadOnlyList<LineageEdge>> GetLineageEdgesAmongAsync(
        IReadOnlyCollection<string> urns, IReadOnlyList<string> types, CancellationToken ct)
    {
        if (urns.Count == 0) return [];
        await InitializeAsync(ct);
        return EdgesAmong(urns, await RunOneAsync(EdgesFromStatement(urns, types), ct));
    }

    private static CypherStatement EdgesFromStatement(IEnumerable<string> urns, IEnumerable<string> types) =>
        Statement(CypherNames.LineageEdgesFrom, new JsonObject { ["urns"] = Strings(urns), ["types"] = Strings(types) });

    /// <summary>The edges <c>traversal/lineage-edges-from</c> found whose target is among <paramref name="urns"/> too, in a set order.</summary>
    private static List<LineageEdge> EdgesAmong(IEnumerable<string> urns, CypherResult result)
    {
        var among = urns.ToHashSet(StringComparer.Ordinal);
        return result.Rows
            .Select(r => (Source: r[0]!.GetValue<string>(), Target: r[1]!.GetValue<string>(), Type: r[2]!.GetValue<string>(), Role: r[3]!.GetValue<int>()))
            .Where(e => among.Contains(e.Target))
            .Select(e => new LineageEdge(e.Source, e.Target, e.Type, e.Role == (int)LineageRole.TargetIsUpstream ? e.Target : e.Source))
            .OrderBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Relationship, StringComparer.Ordinal).ThenBy(e => e.Target, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IReadOnlyDictionary<string, StoredAspect>> GetLatestAspectsAsync(
        IReadOnlyCollection<string> urns, string aspect, CancellationToken ct)
    {
        if (urns.Count == 0) return new Dictionary<string, StoredAspect>();
        await InitializeAsync(ct);
        var result = await RunOneAsync(Statement(CypherNames.LatestAspects, new JsonObject
        {
            ["urns"] = new JsonArray([.. urns.Select(u => (JsonNode)u)]),
            ["aspect"] = aspect,
        }), ct);
        return result.Rows.ToDictionary(r => r[0]!.GetValue<string>(), r => ReadAspect(r[0]!.GetValue<string>(), r[1]!.AsArray()), StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<string, long>> GetConnectivityAsync(IReadOnlyCollection<string> urns, CancellationToken ct)
    {
        if (urns.Count == 0) return new Dictionary<string, long>();
        await InitializeAsync(ct);
        var result = await RunOneAsync(Statement(CypherNames.Connectivity, new JsonObject
        {
            ["urns"] = new JsonArray([.. urns.Select(u => (JsonNode)u)]),
        }), ct);
        return result.Rows.Where(r => r[1]!.GetValue<long>() > 0)
            .ToDictionary(r => r[0]!.GetValue<string>(), r => r[1]!.GetValue<long>(), StringComparer.Ordinal);
    }
}
