using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Lineage.Bench;

/// <summary>One measured run: ingest an estate into a fresh service on one store, then time every question.</summary>
internal sealed partial class Runner(string repo, Estate estate, string size, string store, string? neo4jUri, string? keepData = null)
{
    private const int BatchSize = 200;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(5) };

    public async Task<BenchResult> RunAsync()
    {
        var dataDirectory = keepData ?? Path.Combine(Path.GetTempPath(), $"lineage-bench-{size}-{store}-{Guid.NewGuid():N}");
        await using var service = await ServiceHost.StartAsync(repo, store, neo4jUri, dataDirectory, ServiceHost.FreePort());
        _http.BaseAddress = new Uri(service.Url);
        _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", service.AdminToken);
        try
        {
            Console.WriteLine($"[{size}/{store}] ingesting {estate.Proposals.Count:N0} aspects of {estate.Entities:N0} entities");
            var oneByOne = Math.Min(1000, estate.Proposals.Count / 10);
            var perSecondSingle = await IngestOneByOneAsync(estate.Proposals.Take(oneByOne).ToList());
            var perSecondBatched = await IngestBatchedAsync(estate.Proposals.Skip(oneByOne).ToList());
            Console.WriteLine($"[{size}/{store}] ingest: {perSecondBatched:N0}/s batched, {perSecondSingle:N0}/s one by one");
            var catchUp = await WaitForIndexAsync();
            Console.WriteLine($"[{size}/{store}] search index caught up {catchUp:0.0} s after the last write");

            var latencies = new Dictionary<string, Latency>();
            var answerNodes = new Dictionary<string, double>();
            async Task Time(string name, IReadOnlyList<string> paths, int rounds)
            {
                latencies[name] = await Latency.MeasureAsync(paths.Select(p => (Func<Task>)(() => GetAsync(p))).ToList(), rounds);
                Console.WriteLine($"[{size}/{store}] {name,-34} p50/p95/p99 ms {latencies[name]}");
            }

            await Time("http floor: GET /health", ["/health"], 200);
            using var floor = CteFloor.Build(estate);
            Console.WriteLine($"[{size}/{store}] plain-CTE floor: {floor.Edges:N0} lineage edges in a plain SQLite table ({floor.BuildSeconds:0.0} s to build)");
            var cypher = store == "neo4j" && neo4jUri is not null ? new RawCypher(neo4jUri) : null;
            foreach (var row in WalkRow.Of(estate))
                await TimeWalkAsync(row, floor, cypher, latencies, answerNodes);
            await Time("search", estate.SearchQueries.Select(q => $"/api/v1/search?count=10&q={Q(q)}").ToList(), 20);
            await Time("autocomplete", estate.AutocompleteQueries.Select(q => $"/api/v1/autocomplete?limit=10&q={Q(q)}").ToList(), 20);

            latencies["baseline: raw Lucene autocomplete"] = RawLucene.Autocomplete(Path.Combine(dataDirectory, "search"), estate.AutocompleteQueries, 20);
            Console.WriteLine($"[{size}/{store}] baseline: raw Lucene autocomplete      p50/p95/p99 ms {latencies["baseline: raw Lucene autocomplete"]}");

            return new BenchResult(size, store, estate.Entities, estate.Proposals.Count, DateTimeOffset.UtcNow, perSecondBatched, perSecondSingle,
                catchUp, latencies, service.PeakMemoryBytes(), StoreBytes(dataDirectory), FolderBytes(Path.Combine(dataDirectory, "search")))
            {
                AnswerNodes = answerNodes,
            };
        }
        finally
        {
            await service.DisposeAsync();
            if (keepData is null) try { Directory.Delete(dataDirectory, true); } catch (IOException) { }
        }
    }

    private static string Q(string value) => Uri.EscapeDataString(value);

    private async Task GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<double> IngestOneByOneAsync(IReadOnlyList<JsonObject> proposals)
    {
        var clock = Stopwatch.StartNew();
        foreach (var proposal in proposals)
            await PostAsync("/aspects?action=ingestProposal", new JsonObject { ["proposal"] = proposal.DeepClone() });
        return proposals.Count / clock.Elapsed.TotalSeconds;
    }

    private async Task<double> IngestBatchedAsync(IReadOnlyList<JsonObject> proposals)
    {
        var batches = Batches(proposals);
        var clock = Stopwatch.StartNew();
        var sent = 0;
        for (var b = 0; b < batches.Count; b++)
        {
            var batch = new JsonArray([.. proposals.Skip(batches[b].Start).Take(batches[b].Count).Select(p => p.DeepClone())]);
            await PostAsync("/aspects?action=ingestProposalBatch", new JsonObject { ["proposals"] = batch });
            sent += batch.Count;
            if (b % 50 == 0) Console.Write($"\r  {sent:N0} / {proposals.Count:N0}");
        }
        Console.WriteLine();
        return proposals.Count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Batches of <paramref name="batchSize"/> proposals, or fewer when that many would pass <see cref="MaxBatchBytes"/>
    /// (an estate with columns has aspects of 10–20 KB; the service refuses bodies over 4 MiB). Worked out before the
    /// clock starts; an estate without columns never comes near the cap, so its batches are as before.
    /// </summary>
    internal static List<(int Start, int Count)> Batches(IReadOnlyList<JsonObject> proposals, int batchSize = BatchSize)
    {
        var batches = new List<(int Start, int Count)>();
        var (start, bytes) = (0, 0L);
        for (var i = 0; i < proposals.Count; i++)
        {
            var size = proposals[i].ToJsonString().Length + 1;
            if (i > start && (i - start == batchSize || bytes + size > MaxBatchBytes))
            {
                batches.Add((start, i - start));
                (start, bytes) = (i, 0);
            }
            bytes += size;
        }
        if (start < proposals.Count) batches.Add((start, proposals.Count - start));
        return batches;
    }

    private const long MaxBatchBytes = 3_000_000;

    private async Task PostAsync(string path, JsonObject body)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(path, content);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Seconds from the last acknowledged write until the index holds every entity (of another instance, given its client).</summary>
    private async Task<double> WaitForIndexAsync(HttpClient? instance = null) => (await CountIndexAsync(instance)).Seconds;

    /// <summary>
    /// <see cref="WaitForIndexAsync"/>, and how many entities search did not count yet at its first look (0 when the
    /// index already held every one: what read-your-writes promises once the last write is acknowledged).
    /// </summary>
    private async Task<(double Seconds, int MissingAtFirstLook)> CountIndexAsync(HttpClient? instance = null)
    {
        var http = instance ?? _http;
        var expected = estate.Proposals.Select(p => p["entityUrn"]!.GetValue<string>()).Distinct().Count();
        int? missing = null;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(30))
        {
            var page = await http.GetFromJsonAsync<JsonObject>("/api/v1/search?q=*&count=0&includeRemoved=true");
            var total = page!["total"]!.GetValue<int>();
            missing ??= Math.Max(0, expected - total);
            if (total >= expected) return (clock.Elapsed.TotalSeconds, missing.Value);
            await Task.Delay(100);
        }
        throw new TimeoutException("the search index did not catch up within 30 minutes");
    }

    private long StoreBytes(string dataDirectory) => store == "embedded"
        ? Directory.GetFiles(dataDirectory, "lineage.db*").Sum(f => new FileInfo(f).Length)
        : Neo4jDataBytes();

    private long Neo4jDataBytes()
    {
        // A named instance (the bench uses NEO4J_INSTANCE=bench) keeps its state in a folder of its own.
        var instance = Environment.GetEnvironmentVariable("NEO4J_INSTANCE");
        var env = string.IsNullOrEmpty(instance) ? Path.Combine(repo, ".neo4j", "current.env") : Path.Combine(repo, ".neo4j", instance, "current.env");
        var runDir = File.Exists(env) ? File.ReadLines(env).Select(l => l.Split('=', 2)).Where(p => p[0] == "NEO4J_RUN_DIR").Select(p => p[1].Trim('"')).FirstOrDefault() : null;
        return runDir is null ? 0 : FolderBytes(Path.Combine(runDir, "data"));
    }

    private static long FolderBytes(string path) =>
        Directory.Exists(path) ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : 0;
}
