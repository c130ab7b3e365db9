using System.Diagnostics;
using System.Text;

namespace Lineage.Bench;

/// <summary>The OpenLineage run (<c>--openlineage</c>): generated RunEvents posted one per request into a fresh service.</summary>
internal static class OpenLineageBench
{
    /// <summary>
    /// Starts the service on a fresh data directory (read-your-writes on, as by default), times GET /health, then posts
    /// every event with <paramref name="clients"/> clients at once: client k sends the runs of the job namespaces n with
    /// n mod clients = k, in order, a run's START before its COMPLETE, as one producer per group of namespaces would.
    /// </summary>
    public static async Task<OpenLineagePass> RunAsync(
        string repo, string store, string? neo4jUri, IReadOnlyList<OpenLineageRun> runs, int clients, string tag)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"lineage-bench-{store}-openlineage-{clients}-{Guid.NewGuid():N}");
        await using var service = await ServiceHost.StartAsync(repo, store, neo4jUri, dataDirectory, ServiceHost.FreePort());
        using var http = new HttpClient { BaseAddress = new Uri(service.Url), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", service.AdminToken);
        try
        {
            var floor = await Latency.MeasureAsync([async () => (await http.GetAsync("/health")).EnsureSuccessStatusCode()], 200);
            var events = runs.Count * 2;
            Console.WriteLine($"{tag} posting {events:N0} events, {clients} client{(clients > 1 ? "s" : "")}; GET /health p50/p95/p99 ms {floor}");
            var samples = new List<double>[clients];
            var failed = new Dictionary<string, int>();
            var posted = 0;
            var wall = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(async k =>
            {
                var mine = samples[k] = [];
                foreach (var run in runs.Where(r => r.Namespace % clients == k))
                {
                    foreach (var body in new[] { run.Start, run.Complete })
                    {
                        var clock = Stopwatch.StartNew();
                        using var content = new StringContent(body, Encoding.UTF8, "application/json");
                        using var response = await http.PostAsync("/api/v1/lineage", content);
                        var answer = await response.Content.ReadAsStringAsync();
                        var ms = clock.Elapsed.TotalMilliseconds;
                        var done = Interlocked.Increment(ref posted);
                        if (done % 100 == 0) Console.Write($"\r  {done:N0} / {events:N0}");
                        if (response.IsSuccessStatusCode)
                        {
                            mine.Add(ms);
                            continue;
                        }
                        // A refused event is the bench's mistake, not a measure: stop. A conflict or a server error is counted.
                        var status = (int)response.StatusCode;
                        if (status is >= 400 and < 500 and not 409) throw new InvalidOperationException($"POST /api/v1/lineage: {status} {answer}");
                        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        lock (failed) failed[code] = failed.GetValueOrDefault(code) + 1;
                    }
                }
            }));
            var seconds = wall.Elapsed.TotalSeconds;
            Console.WriteLine();
            var pass = new OpenLineagePass(clients, events, seconds, events / seconds, Latency.Of([.. samples.SelectMany(s => s)]), failed, floor);
            Console.WriteLine($"{tag} {pass.EventsPerSecond:N0} events/s ({seconds:0.0} s); request p50/p95/p99 ms {pass.Request}"
                + (failed.Count > 0 ? $"; failed: {string.Join(", ", failed.Select(f => $"{f.Value} × {f.Key}"))}" : "") + $" [{Runner.LoadAverage()}]");
            return pass;
        }
        finally
        {
            await service.DisposeAsync();
            try { Directory.Delete(dataDirectory, true); } catch (IOException) { }
        }
    }
}
