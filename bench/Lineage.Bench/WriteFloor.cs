using System.Diagnostics;
using System.Text.Json.Nodes;
using Lineage.Graph.Registry;
using Lineage.Graph.Writing;

namespace Lineage.Bench;

/// <summary>
/// The ingest floor: the estate's batches through the service's own write path (<c>MetadataWriter</c>: validation,
/// derived edges and aspects, the store's atomic batch and change feed) in the bench's process, on a fresh store. No
/// HTTP, no request parsing, no search index: what is left of an ingest request when those are taken away.
/// </summary>
internal static class WriteFloor
{
    public static async Task<WritePathFloor> MeasureAsync(Estate estate, string store, string? neo4jUri, int batchSize, string tag)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"lineage-bench-{store}-write-floor-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDirectory);
        var graph = StoreTiming.Open(store, dataDirectory, neo4jUri);
        try
        {
            await graph.InitializeAsync(CancellationToken.None);
            var writer = new MetadataWriter(graph, MetadataRegistry.Default);
            // Lifted out of the wire format before the clock starts, as the service's reader does before the writer.
            var proposals = estate.Proposals.Select(p => new Proposal(
                p["entityType"]!.GetValue<string>(), p["entityUrn"]!.GetValue<string>(), ChangeType.Upsert, p["aspectName"]!.GetValue<string>(),
                JsonNode.Parse(p["aspect"]!["value"]!.GetValue<string>()))).ToList();
            var samples = new List<double>();
            Console.WriteLine($"{tag} the same aspects through MetadataWriter in this process");
            // The batches the HTTP passes send.
            foreach (var (start, count) in Runner.Batches(estate.Proposals, batchSize))
            {
                var batch = proposals.GetRange(start, count);
                var clock = Stopwatch.StartNew();
                await writer.ApplyAsync(batch, i => $"proposals[{start + i}]", MetadataWriter.SystemActor, CancellationToken.None);
                samples.Add(clock.Elapsed.TotalMilliseconds);
                if (samples.Count % 10 == 1) Console.Write($"\r  {start + batch.Count:N0} / {proposals.Count:N0}");
            }
            Console.WriteLine();
            var seconds = samples.Sum() / 1000;
            var floor = new WritePathFloor(samples.Count, seconds, proposals.Count / seconds, Latency.Of(samples));
            Console.WriteLine($"{tag} in-process write path: {floor.AspectsPerSecond:N0} aspects/s ({seconds:0.0} s); batch p50/p95/p99 ms {floor.Batch} [{Runner.LoadAverage()}]");
            return floor;
        }
        finally
        {
            await graph.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataDirectory, true); } catch (IOException) { }
        }
    }
}
