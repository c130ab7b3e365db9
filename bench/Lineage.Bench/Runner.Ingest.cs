using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Lineage.Bench;

/// <summary>The read-your-writes ingest run (<c>--ingest</c>): the whole estate in large batches, one client, into a fresh service.</summary>
internal sealed partial class Runner
{
    /// <summary>Proposals per request: the service's largest batch (Lineage:Limits:MaxBatchSize).</summary>
    public const int IngestBatchSize = 1_000;

    /// <summary>
    /// How DataHub's ingestion sends by default: its REST sink in <c>ASYNC_BATCH</c> mode, <c>max_threads</c> 15 and
    /// <c>max_per_batch</c> 100 (metadata-ingestion/src/datahub/ingestion/sink/datahub_rest.py at DataHub commit
    /// 00979c9e6d52fec61533f92d7f1e40480e1c4cda).
    /// </summary>
    public static readonly IngestShape DataHubSink = new(Clients: 15, BatchSize: 100);

    /// <summary>One client, the largest batches, one request at a time: nothing overlaps the index's work with a write.</summary>
    public static readonly IngestShape OneClient = new(Clients: 1, BatchSize: IngestBatchSize);

    /// <summary>A bulk load: several clients at once, each sending the largest batches, as a loader with a few workers would.</summary>
    public static readonly IngestShape Bulk = new(Clients: 4, BatchSize: IngestBatchSize);

    /// <summary>How often the cross-instance probe asks B's search whether it has the model yet.</summary>
    private const int PollEveryMs = 10;

    /// <summary>The longest random pause before a polled probe's write: a little over B's feed poll (500 ms).</summary>
    private const int PauseUpToMs = 600;

    /// <summary>How long the probe polls B before it counts the model as not found.</summary>
    private static readonly TimeSpan PollLimit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Loads the whole estate into a fresh service started with read-your-writes on or off, as <paramref name="shape"/>
    /// sends it: its clients each post the next batch as soon as their last one is answered. Then waits until search
    /// counts every entity and times GET /health on the same service. With <paramref name="probes"/> &gt; 0 (Neo4j) a
    /// second instance on the same server is started afterwards and the lag between them measured
    /// (<see cref="CrossInstanceAsync"/>).
    /// </summary>
    public async Task<(IngestPass Pass, CrossInstanceLag? Lag)> RunIngestAsync(bool readYourWrites, IngestShape shape, int probes)
    {
        var label = $"ryw-{(readYourWrites ? "on" : "off")}-{shape.Clients}x{shape.BatchSize}";
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"lineage-bench-{size}-{store}-ingest-{label}-{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string> { ["Lineage:Consistency:ReadYourWrites"] = readYourWrites ? "true" : "false" };
        await using var service = await ServiceHost.StartAsync(repo, store, neo4jUri, dataDirectory, ServiceHost.FreePort(), settings);
        _http.BaseAddress = new Uri(service.Url);
        _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", service.AdminToken);
        var tag = $"[{size}/{store}/{shape}/read-your-writes {(readYourWrites ? "on" : "off")}]";
        try
        {
            var batches = Batches(estate.Proposals, shape.BatchSize);
            Console.WriteLine($"{tag} ingesting {estate.Proposals.Count:N0} aspects of {estate.Entities:N0} entities in {batches.Count:N0} requests");
            // The clients' JSON is built off the clock: what is timed is the service's answers.
            var bodies = batches
                .Select(batch => new JsonObject { ["proposals"] = new JsonArray([.. estate.Proposals.Skip(batch.Start).Take(batch.Count).Select(p => p.DeepClone())]) }.ToJsonString())
                .ToList();
            var samples = new double[batches.Count];
            var (next, sent, retried) = (-1, 0, 0);
            var wall = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, shape.Clients).Select(async _ =>
            {
                for (int b; (b = Interlocked.Increment(ref next)) < batches.Count;)
                {
                    var clock = Stopwatch.StartNew();
                    Interlocked.Add(ref retried, await PostBodyAsync("/aspects?action=ingestProposalBatch", bodies[b]));
                    samples[b] = clock.Elapsed.TotalMilliseconds;
                    var done = Interlocked.Add(ref sent, batches[b].Count);
                    if (b % 10 == 0) Console.Write($"\r  {done:N0} / {estate.Proposals.Count:N0}");
                }
            }));
            // One client: the sum of its requests' times (its own work between them is off the clock); several: the wall clock.
            var seconds = shape.Clients == 1 ? samples.Sum() / 1000 : wall.Elapsed.TotalSeconds;
            Console.WriteLine();
            var (catchUp, missing) = await CountIndexAsync();
            var floor = await Latency.MeasureAsync([() => GetAsync("/health")], 200);
            var pass = new IngestPass(readYourWrites, batches.Count, seconds, estate.Proposals.Count / seconds, Latency.Of(samples), floor, catchUp)
            {
                MissingAtFirstLook = missing,
                Clients = shape.Clients,
                BatchSize = shape.BatchSize,
                Retries = retried,
            };
            Console.WriteLine($"{tag} {pass.AspectsPerSecond:N0} aspects/s ({seconds:0.0} s, {retried} requests sent again); request p50/p95/p99 ms {pass.Request}; "
                + $"GET /health {floor}; search counted every entity {catchUp:0.0} s after the last write ({missing:N0} missing at its first look) [{LoadAverage()}]");
            var lag = probes > 0 ? await CrossInstanceAsync(probes, tag) : null;
            return (pass, lag);
        }
        finally
        {
            await service.DisposeAsync();
            try { Directory.Delete(dataDirectory, true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// Starts B on the same store with a data directory of its own (its own index; A's token, since tokens are shared), waits until
    /// its search counts every entity, then <paramref name="probes"/> times writes one new model on A and polls B's
    /// search for it every <see cref="PollEveryMs"/> ms; then as many times writes one on A and asks B once, sending
    /// A's <c>X-Lineage-Sequence</c> as <c>X-Lineage-Min-Sequence</c>.
    /// </summary>
    private async Task<CrossInstanceLag> CrossInstanceAsync(int probes, string tag)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"lineage-bench-{size}-{store}-ingest-b-{Guid.NewGuid():N}");
        await using var b = await ServiceHost.StartAsync(repo, store, neo4jUri, dataDirectory, ServiceHost.FreePort());
        using var http = new HttpClient { BaseAddress = new Uri(b.Url), Timeout = TimeSpan.FromMinutes(5) };
        // Tokens live in Neo4j, shared by every instance: B makes no admin token of its own and takes A's.
        http.DefaultRequestHeaders.Authorization = _http.DefaultRequestHeaders.Authorization;
        try
        {
            var catchUp = await WaitForIndexAsync(http);
            Console.WriteLine($"{tag} instance B on the same Neo4j: its search counted every entity {catchUp:0.0} s after it answered /health");
            var floor = await Latency.MeasureAsync([async () => (await http.GetAsync("/health")).EnsureSuccessStatusCode()], 200);

            var writes = new List<double>();
            var lags = new List<double>();
            var missed = 0;
            var pause = new Random(42);
            for (var i = 0; i < probes; i++)
            {
                // B reads the feed on a timer: a write made right after B found the last one would always land early in
                // B's interval and see nearly the worst lag. A random pause spreads the writes over the interval.
                await Task.Delay(pause.Next(PauseUpToMs));
                var (name, urn) = Probe("lagpoll", i);
                var clock = Stopwatch.StartNew();
                await WriteProbeAsync(name, urn);
                writes.Add(clock.Elapsed.TotalMilliseconds);
                clock.Restart();
                bool seen;
                while (!(seen = await FoundAsync(http, name, urn, minSequence: null) is true) && clock.Elapsed < PollLimit) await Task.Delay(PollEveryMs);
                if (seen) lags.Add(clock.Elapsed.TotalMilliseconds);
                else missed++;
            }
            var pollLag = lags.Count > 0 ? Latency.Of(lags) : null;
            Console.WriteLine($"{tag} B found a model written on A after p50/p95/p99 ms {pollLag?.ToString() ?? "—"} (polling every {PollEveryMs} ms; {missed} not found in 30 s)");

            var reads = new List<double>();
            var (atOnce, unavailable) = (0, 0);
            for (var i = 0; i < probes; i++)
            {
                var (name, urn) = Probe("lagseq", i);
                var clock = Stopwatch.StartNew();
                var sequence = await WriteProbeAsync(name, urn);
                writes.Add(clock.Elapsed.TotalMilliseconds);
                clock.Restart();
                var found = await FoundAsync(http, name, urn, sequence);
                reads.Add(clock.Elapsed.TotalMilliseconds);
                if (found is true) atOnce++;
                if (found is null) unavailable++;
            }
            var read = Latency.Of(reads);
            Console.WriteLine($"{tag} B's search with X-Lineage-Min-Sequence p50/p95/p99 ms {read}: {atOnce} of {probes} found it at once, {unavailable} answered 503; "
                + $"B's GET /health {floor}");
            return new CrossInstanceLag(probes, catchUp, Latency.Of(writes), PollEveryMs, pollLag, missed, read, atOnce, unavailable, floor);
        }
        finally
        {
            await b.DisposeAsync();
            try { Directory.Delete(dataDirectory, true); } catch (IOException) { }
        }
    }

    /// <summary>A model no estate has: a name search finds it alone (every word of it must match).</summary>
    private static (string Name, string Urn) Probe(string kind, int i)
    {
        var name = $"{kind}{i:D4}";
        return (name, $"urn:li:mlModel:(urn:li:dataPlatform:mlflow,{name},PROD)");
    }

    /// <summary>Writes the probe model on A; answers A's <c>X-Lineage-Sequence</c>.</summary>
    private async Task<string> WriteProbeAsync(string name, string urn)
    {
        var proposal = Proposals.Upsert(urn, "mlModelProperties", new JsonObject { ["name"] = name, ["description"] = "cross-instance probe" });
        using var content = new StringContent(new JsonObject { ["proposal"] = proposal }.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync("/aspects?action=ingestProposal", content);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST ingestProposal: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.Headers.TryGetValues("X-Lineage-Sequence", out var values) ? values.Single()
            : throw new InvalidOperationException("a write answered without X-Lineage-Sequence");
    }

    /// <summary>Whether B's search finds the probe; null when B answered 503 (its index had not reached the sequence).</summary>
    private static async Task<bool?> FoundAsync(HttpClient http, string name, string urn, string? minSequence)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/search?count=20&q={Q(name)}");
        if (minSequence is not null) request.Headers.Add("X-Lineage-Min-Sequence", minSequence);
        using var response = await http.SendAsync(request);
        if (response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable) return null;
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET search on B: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var page = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return page["results"]!.AsArray().Any(hit => hit!["urn"]!.GetValue<string>() == urn);
    }

    /// <summary>
    /// Posts a body as DataHub's REST emitter does: a 429 or 503 (the service shedding load) is sent again, up to
    /// <see cref="RetryMaxTimes"/> times, after the answer's Retry-After or a doubling back-off. Answers the retries.
    /// </summary>
    private async Task<int> PostBodyAsync(string path, string body)
    {
        for (var retries = 0; ; retries++)
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(path, content);
            if (response.IsSuccessStatusCode)
            {
                await response.Content.ReadAsByteArrayAsync();
                return retries;
            }
            var shed = response.StatusCode is System.Net.HttpStatusCode.TooManyRequests or System.Net.HttpStatusCode.ServiceUnavailable;
            if (!shed || retries == RetryMaxTimes)
                throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(Math.Pow(2, retries)));
        }
    }

    /// <summary>DataHub's REST emitter's default retries (<c>_DEFAULT_RETRY_MAX_TIMES</c> in rest_emitter.py).</summary>
    private const int RetryMaxTimes = 4;
}

/// <summary>How a load is sent: by how many clients at once, and how many proposals each request carries at most.</summary>
internal sealed record IngestShape(int Clients, int BatchSize)
{
    public override string ToString() => $"{Clients} client{(Clients == 1 ? "" : "s")} × {BatchSize:N0}";
}
