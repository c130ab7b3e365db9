using System.Diagnostics;
using Lineage.Graph.Traversal;

namespace Lineage.Bench;

/// <summary>The column-lineage run (<c>--columns N</c>): one estate loaded into a fresh service, then lineage by column and by entity.</summary>
internal sealed partial class Runner
{
    /// <summary>One timed lineage measure: its roots, and how the walk goes from them.</summary>
    private sealed record Measure(string Name, IReadOnlyList<string> Roots, LineageDirection Direction, int Hops, LineageGranularity Granularity, int Rounds);

    /// <summary>
    /// Loads the estate into a fresh service (the first aspects one by one, the rest batched, as <see cref="RunAsync"/>
    /// does) and times, from the same roots, lineage by entity (a hub and a leaf dataset downstream, a model upstream)
    /// and, when the estate has columns, by column (a column of that hub and of that leaf downstream, the model
    /// upstream) at 1, 3 and 5 hops; then times the same answers in-process, split by store call
    /// (<see cref="StoreTiming"/>). <paramref name="load"/> gets the load average after the load and at the end.
    /// </summary>
    public async Task<(BenchResult Result, Dictionary<string, PrimitiveTimes> Primitives)> RunColumnsAsync(string label, List<string> load)
    {
        var dataDirectory = keepData ?? Path.Combine(Path.GetTempPath(), $"lineage-bench-{size}-{store}-{label}-{Guid.NewGuid():N}");
        await using var service = await ServiceHost.StartAsync(repo, store, neo4jUri, dataDirectory, ServiceHost.FreePort());
        _http.BaseAddress = new Uri(service.Url);
        _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", service.AdminToken);
        var tag = $"[{size}/{store}/{label}]";
        try
        {
            Console.WriteLine($"{tag} ingesting {estate.Proposals.Count:N0} aspects of {estate.Entities:N0} entities");
            var oneByOne = Math.Min(1000, estate.Proposals.Count / 10);
            var perSecondSingle = await IngestOneByOneAsync(estate.Proposals.Take(oneByOne).ToList());
            var perSecondBatched = await IngestBatchedAsync(estate.Proposals.Skip(oneByOne).ToList());
            Console.WriteLine($"{tag} ingest: {perSecondBatched:N0}/s batched, {perSecondSingle:N0}/s one by one");
            var catchUp = await WaitForIndexAsync();
            Console.WriteLine($"{tag} search index caught up {catchUp:0.0} s after the last write");
            load.Add($"{label} loaded: {LoadAverage()}");
            Console.WriteLine($"{tag} load average {LoadAverage()}");

            var latencies = new Dictionary<string, Latency>();
            var answerNodes = new Dictionary<string, double>();
            var failures = new Dictionary<string, string>();
            latencies[Floor] = await Latency.MeasureAsync([() => GetAsync("/health")], 200);
            Console.WriteLine($"{tag} {Floor,-40} p50/p95/p99 ms {latencies[Floor]}");
            var measures = Measures();
            foreach (var m in measures)
            {
                var row = await MeasureRowAsync(m.Roots.Select(r => LineagePath(r, m)).ToList(), m.Rounds);
                if (row.Latency is not null) latencies[m.Name] = row.Latency;
                if (row.Nodes is { } nodes) answerNodes[m.Name] = nodes;
                if (row.TimedOut > 0) failures[m.Name] = $"{row.TimedOut} of {row.Calls} calls answered 504 (the 30 s query time-out)";
                Console.WriteLine($"{tag} {m.Name,-40} p50/p95/p99 ms {row.Latency?.ToString() ?? "—"}, {row.Nodes:N0} nodes"
                    + (row.TimedOut > 0 ? $", {failures[m.Name]}" : "") + $" [{LoadAverage()}]");
            }

            // The same answers again in this process, every store call timed: where the time goes.
            var primitives = new Dictionary<string, PrimitiveTimes>();
            var graph = StoreTiming.Open(store, dataDirectory, neo4jUri);
            foreach (var m in measures)
            {
                var times = primitives[m.Name] = await StoreTiming.MeasureAsync(graph, m.Roots, m.Direction, m.Hops, m.Granularity, rounds: 3);
                Console.WriteLine($"{tag} {m.Name,-40} in-process {times.TotalMs:0.0} ms: hops {times.HopsMs:0.0} ({times.HopCalls:0.#} calls, {times.HopRows:N0} rows), "
                    + $"facts {times.FactsMs:0.0}, edges {times.EdgesMs:0.0} ({times.EdgeRows:N0} rows), deprecation {times.DeprecationMs:0.0}, other {times.OtherMs:0.0}, "
                    + $"{times.Samples} answers" + (times.TimedOut > 0 ? $", {times.TimedOut} timed out" : "") + $" [{LoadAverage()}]");
            }
            if (graph is IDisposable disposable) disposable.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            load.Add($"{label} measured: {LoadAverage()}");

            var result = new BenchResult(size, store, estate.Entities, estate.Proposals.Count, DateTimeOffset.UtcNow, perSecondBatched, perSecondSingle,
                catchUp, latencies, service.PeakMemoryBytes(), StoreBytes(dataDirectory), FolderBytes(Path.Combine(dataDirectory, "search")))
            {
                AnswerNodes = answerNodes,
                Failures = failures,
            };
            return (result, primitives);
        }
        finally
        {
            await service.DisposeAsync();
            if (keepData is null) try { Directory.Delete(dataDirectory, true); } catch (IOException) { }
        }
    }

    private const string Floor = "http floor: GET /health";

    /// <summary>How long one measure may go on before it stops with the samples it has (after at least five calls).</summary>
    private static readonly TimeSpan RowBudget = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Times the paths round after round, as <see cref="Latency.MeasureAsync"/> does, but within <see cref="RowBudget"/>
    /// (once five calls are in) and counting a 504 — the service's query time-out — instead of stopping at it;
    /// a measure whose warm-up and first call both time out is given up. The warm-up is one round when the first call
    /// is quick, else that first call alone. Nodes per answer are counted from the timed answers, off the clock.
    /// </summary>
    private async Task<(Latency? Latency, double? Nodes, int TimedOut, int Calls)> MeasureRowAsync(IReadOnlyList<string> paths, int rounds)
    {
        var samples = new List<double>();
        var nodes = new List<int>();
        var (timedOut, calls) = (0, 0);
        var budget = Stopwatch.StartNew();
        var first = await TryGetAsync(paths[0]);
        if (first.Ms < 1000)
            foreach (var path in paths.Skip(1)) await TryGetAsync(path);
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < paths.Count; i++)
            {
                if (budget.Elapsed > RowBudget && calls >= Math.Min(5, paths.Count)) goto done;
                var (ms, count) = await TryGetAsync(paths[i]);
                calls++;
                if (count is null)
                {
                    timedOut++;
                    if (first.Nodes is null && calls == 1) goto done;
                    continue;
                }
                samples.Add(ms);
                nodes.Add(count.Value);
            }
        }
    done:
        return (samples.Count > 0 ? Latency.Of(samples) : null, nodes.Count > 0 ? nodes.Average() : null, timedOut, calls);
    }

    /// <summary>One timed GET of a lineage answer: its milliseconds and node count (root included), or no count on a 504.</summary>
    private async Task<(double Ms, int? Nodes)> TryGetAsync(string path)
    {
        var clock = Stopwatch.StartNew();
        using var response = await _http.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        var ms = clock.Elapsed.TotalMilliseconds;
        if (response.StatusCode == System.Net.HttpStatusCode.GatewayTimeout) return (ms, null);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
        return (ms, System.Text.Json.Nodes.JsonNode.Parse(body)!["nodes"]!.AsArray().Count + 1);
    }

    /// <summary>
    /// By column from a column of each hub and of each leaf dataset, and from each model, then by entity from those
    /// datasets and models; an estate without columns has only the entity measures.
    /// </summary>
    private List<Measure> Measures()
    {
        var measures = new List<Measure>();
        var columns = estate.Columns;
        foreach (var hops in new[] { 1, 3, 5 })
        {
            if (columns is not null)
                measures.Add(new($"column {hops} hops, hub column, downstream", columns.HubColumnRoots, LineageDirection.Downstream, hops, LineageGranularity.Column, 10));
            measures.Add(new($"entity {hops} hops, hub, downstream", estate.HubRoots, LineageDirection.Downstream, hops, LineageGranularity.Entity, 10));
            if (columns is not null)
                measures.Add(new($"column {hops} hops, leaf column, downstream", columns.LeafColumnRoots, LineageDirection.Downstream, hops, LineageGranularity.Column, 5));
            measures.Add(new($"entity {hops} hops, leaf, downstream", estate.LeafRoots, LineageDirection.Downstream, hops, LineageGranularity.Entity, 5));
            if (columns is not null)
                measures.Add(new($"column {hops} hops, model, upstream", estate.ModelRoots, LineageDirection.Upstream, hops, LineageGranularity.Column, 5));
            measures.Add(new($"entity {hops} hops, model, upstream", estate.ModelRoots, LineageDirection.Upstream, hops, LineageGranularity.Entity, 5));
        }
        return measures;
    }

    private static string LineagePath(string root, Measure m) =>
        $"/api/v1/lineage?direction={(m.Direction == LineageDirection.Upstream ? "upstream" : "downstream")}&maxHops={m.Hops}"
        + $"&granularity={(m.Granularity == LineageGranularity.Column ? "column" : "entity")}&urn={Q(root)}";

    /// <summary>The 1, 5 and 15 minute load averages of the machine.</summary>
    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
