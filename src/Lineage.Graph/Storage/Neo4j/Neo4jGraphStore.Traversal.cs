using System.Text.Json.Nodes;
using Lineage.Graph.Registry;
using Lineage.Graph.Relationships;
using Lineage.Graph.Traversal;

namespace Lineage.Graph.Storage.Neo4j;

public sealed partial class Neo4jGraphStore
{
    public async Task<ILineageRead> OpenLineageReadAsync(CancellationToken ct)
    {
        await InitializeAsync(ct);
        return new LineageRead(this);
    }

    /// <summary>
    /// One answer's reads, one statement each. Neo4j's HTTP API reads committed data statement by statement, so unlike
    /// the embedded store's there is no snapshot to hold between them. The node ids the steps and facts read are
    /// remembered, so the answer's later reads find those nodes by id: on Neo4j 3.1 a seek of the urn index costs
    /// about as much as everything else such a read does with the node.
    /// </summary>
    private sealed class LineageRead(Neo4jGraphStore store) : ILineageRead
    {
        private readonly Dictionary<string, long> _ids = new(StringComparer.Ordinal);

        public async Task<IReadOnlyList<LineageEdge>> GetHopsAsync(LineageHopQuery query, CancellationToken ct)
        {
            if (query.Frontier.Count == 0) return [];
            var (forward, backward) = query.Direction == LineageDirection.Upstream
                ? (LineageRole.TargetIsUpstream, LineageRole.TargetIsDownstream)
                : (LineageRole.TargetIsDownstream, LineageRole.TargetIsUpstream);
            var result = await store.RunOneAsync(Statement(CypherNames.TraversalStep, new JsonObject
            {
                ["frontier"] = Strings(query.Frontier),
                ["columnsOf"] = Strings(query.WithColumns ? query.Frontier : []),
                ["forward"] = (int)forward,
                ["backward"] = (int)backward,
                ["types"] = Strings(query.RelationshipTypes),
                ["includeRemoved"] = query.IncludeRemoved,
            }), ct);
            foreach (var row in result.Rows)
            {
                _ids[row[0]!.GetValue<string>()] = row[4]!.GetValue<long>();
                _ids[row[1]!.GetValue<string>()] = row[5]!.GetValue<long>();
            }
            return result.Rows.Select(r => Edge(r, withMapping: false)).ToList();
        }

        public async Task<IReadOnlyDictionary<string, NodeFacts>> GetNodeFactsAsync(
            IReadOnlyCollection<string> urns, bool withOwners, CancellationToken ct)
        {
            if (urns.Count == 0) return new Dictionary<string, NodeFacts>();
            var parameters = Nodes(urns);
            parameters["withOwners"] = withOwners;
            var result = await store.RunOneAsync(Statement(CypherNames.NodeFacts, parameters), ct);
            var asked = urns as IReadOnlySet<string> ?? urns.ToHashSet(StringComparer.Ordinal);
            var facts = new Dictionary<string, NodeFacts>(StringComparer.Ordinal);
            foreach (var row in result.Rows)
            {
                // A node found by an id another node had when the steps read it (a node deleted meanwhile) is not asked for.
                var urn = row[0]!.GetValue<string>();
                if (!asked.Contains(urn)) continue;
                _ids[urn] = row[5]!.GetValue<long>();
                var deprecation = row[3] is JsonValue d ? JsonNode.Parse(d.GetValue<string>()) : null;
                var ownership = row[4] is JsonValue o ? JsonNode.Parse(o.GetValue<string>()) : null;
                var owners = (ownership?["owners"] as JsonArray ?? [])
                    .Select(owner => owner?["owner"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : null)
                    .OfType<string>().ToList();
                var deprecated = deprecation?["deprecated"] is JsonValue flag && flag.TryGetValue<bool>(out var yes) && yes;
                facts[urn] = new NodeFacts(row[1]!.GetValue<bool>(), row[2]!.GetValue<bool>(), deprecated, owners);
            }
            return facts;
        }

        public async Task<IReadOnlyList<LineageEdge>> GetEdgesAmongAsync(
            IReadOnlyCollection<string> urns, IReadOnlyList<string> types, bool withColumns, CancellationToken ct)
        {
            if (urns.Count == 0) return [];
            var parameters = Nodes(urns);
            var filtered = urns.Count <= FilteredUpTo;
            parameters["urns"] = Strings(filtered ? urns : []);
            parameters["filtered"] = filtered;
            parameters["columnsOf"] = Strings(withColumns ? urns : []);
            parameters["types"] = Strings(types);
            var result = await store.RunOneAsync(Statement(CypherNames.EdgesAmong, parameters), ct);
            // The statement lets through a column whose dataset it cannot read out of the urn, and every edge leaving
            // a set too large to filter there; this decides those.
            var among = urns.ToHashSet(StringComparer.Ordinal);
            bool Among(string urn) => among.Contains(urn) || (withColumns && Columns.ParentOf(urn) is { } parent && among.Contains(parent));
            return result.Rows.Select(r => Edge(r, withMapping: true)).Where(e => Among(e.Source) && Among(e.Target)).ToList();
        }

        /// <summary>
        /// The most nodes whose edges-among Neo4j filters itself: its list membership test scans the list for every edge,
        /// which a 9,567-node answer paid with 9.9 s at M; below this the filter keeps the rows sent back few.
        /// </summary>
        private const int FilteredUpTo = 2_000;

        /// <summary>The urns as the ids already read ($ids) and the urns still to seek ($unknown).</summary>
        private JsonObject Nodes(IReadOnlyCollection<string> urns)
        {
            var (ids, unknown) = (new JsonArray(), new JsonArray());
            foreach (var urn in urns)
            {
                if (_ids.TryGetValue(urn, out var id)) ids.Add(id);
                else unknown.Add(urn);
            }
            return new JsonObject { ["ids"] = ids, ["unknown"] = unknown };
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    public async Task<IReadOnlyList<LineageEdge>> GetHistoricalLineageEdgesAsync(
        IReadOnlyCollection<string> urns, bool withColumns, LineageTime time, CancellationToken ct)
    {
        if (urns.Count == 0) return [];
        await InitializeAsync(ct);
        var result = await RunOneAsync(Statement(CypherNames.EdgesAsOf, new JsonObject
        {
            ["urns"] = Strings(urns),
            ["columnsOf"] = Strings(withColumns ? urns : []),
            ["from"] = time.From.ToUnixTimeMilliseconds(),
            ["to"] = time.To.ToUnixTimeMilliseconds(),
        }), ct);
        // One edge stated by two aspects is one edge of the graph.
        return result.Rows.Select(r => Edge(r, withMapping: true)).Distinct().ToList();
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
            ["urns"] = Strings(urns),
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
