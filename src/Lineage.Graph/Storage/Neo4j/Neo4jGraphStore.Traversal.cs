using System.Text.Json.Nodes;
using Lineage.Graph.Registry;
using Lineage.Graph.Relationships;
using Lineage.Graph.Traversal;

namespace Lineage.Graph.Storage.Neo4j;

public sealed partial class Neo4jGraphStore
{
    public async Task<IReadOnlyList<LineageEdge>> GetLineageHopsAsync(LineageHopQuery query, CancellationToken ct)
    {
        if (query.Frontier.Count == 0) return [];
        await InitializeAsync(ct);
        var (forward, backward) = query.Direction == LineageDirection.Upstream
            ? (LineageRole.TargetIsUpstream, LineageRole.TargetIsDownstream)
            : (LineageRole.TargetIsDownstream, LineageRole.TargetIsUpstream);
        var result = await RunOneAsync(Statement(CypherNames.TraversalStep, new JsonObject
        {
            ["frontier"] = Strings(query.Frontier),
            ["columnsOf"] = Strings(query.WithColumns ? query.Frontier : []),
            ["forward"] = (int)forward,
            ["backward"] = (int)backward,
            ["types"] = Strings(query.RelationshipTypes),
            ["includeRemoved"] = query.IncludeRemoved,
        }), ct);
        return result.Rows.Select(r => Edge(r, withMapping: false)).ToList();
    }

    public async Task<IReadOnlyDictionary<string, NodeFacts>> GetNodeFactsAsync(IReadOnlyCollection<string> urns, CancellationToken ct)
    {
        if (urns.Count == 0) return new Dictionary<string, NodeFacts>();
        await InitializeAsync(ct);
        var result = await RunOneAsync(Statement(CypherNames.NodeFacts, new JsonObject { ["urns"] = Strings(urns) }), ct);
        return result.Rows.ToDictionary(
            r => r[0]!.GetValue<string>(), r => new NodeFacts(r[1]!.GetValue<bool>(), r[2]!.GetValue<bool>()), StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<LineageEdge>> GetLineageEdgesFromAsync(
        IReadOnlyCollection<string> urns, IReadOnlyList<string> types, bool withColumns, CancellationToken ct)
    {
        if (urns.Count == 0) return [];
        await InitializeAsync(ct);
        var result = await RunOneAsync(Statement(CypherNames.LineageEdgesFrom, new JsonObject
        {
            ["urns"] = Strings(urns),
            ["columnsOf"] = Strings(withColumns ? urns : []),
            ["types"] = Strings(types),
        }), ct);
        return result.Rows.Select(r => Edge(r, withMapping: true)).ToList();
    }

    /// <summary>A row of (source, target, type, lineage role[, via, transformOperation, confidenceScore]) as an edge.</summary>
    private static LineageEdge Edge(JsonArray row, bool withMapping)
    {
        var (source, target) = (row[0]!.GetValue<string>(), row[1]!.GetValue<string>());
        var upstream = row[3]!.GetValue<int>() == (int)LineageRole.TargetIsUpstream ? target : source;
        var mapping = withMapping && (row[4] ?? row[5] ?? row[6]) is not null
            ? new ColumnMapping(row[4]?.GetValue<string>(), row[5]?.GetValue<string>(), row[6]?.GetValue<double>())
            : null;
        return new LineageEdge(source, target, row[2]!.GetValue<string>(), upstream) { Mapping = mapping };
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
