using System.Globalization;
using System.Text;

namespace Lineage.Bench;

/// <summary>The read-your-writes ingest section (<c>--ingest</c>): per run, the rate with it on and off, against its floors.</summary>
internal static partial class Report
{
    /// <summary>What the issue asks of read-your-writes: its ingest rate at least this share of the rate without it.</summary>
    private const double ReadYourWritesTarget = 0.85;

    public static string RenderIngest(IReadOnlyList<IngestBenchResult> runs)
    {
        if (runs.Count == 0) return "";
        var md = new StringBuilder();
        md.AppendLine();
        md.AppendLine("## Ingest with read-your-writes");
        md.AppendLine();
        md.AppendLine("The whole estate of the size, loaded with `ingestProposalBatch` into a fresh service on a fresh store, with");
        md.AppendLine("read-your-writes on (the default: a write's 200 waits until this instance's search index reflects it) and off");
        md.AppendLine("(`--Lineage:Consistency:ReadYourWrites=false`), in three shapes. **As DataHub's ingestion sends it:** its REST sink's");
        md.AppendLine("defaults, `ASYNC_BATCH` mode, 15 threads, at most 100 proposals a request (`metadata-ingestion/src/datahub/ingestion/sink/datahub_rest.py`");
        md.AppendLine("at DataHub commit 00979c9e6d52fec61533f92d7f1e40480e1c4cda); the rate is aspects ÷ the wall clock. **Bulk load:** four");
        md.AppendLine("clients at once, each sending requests of 1,000 proposals; the rate is aspects ÷ the wall clock. **One client:** one");
        md.AppendLine("request at a time of 1,000 proposals (fewer when that many would pass 3 MB), the worst case for read-your-writes, as");
        md.AppendLine("nothing overlaps the index's work with a write; the rate is aspects ÷ the sum of the requests' times. Every body is");
        md.AppendLine("built before the clock starts. The issue asks that on be within 15% of off (on ÷ off ≥ 0.85×). Floors from the same run:");
        md.AppendLine("GET /health on the same service after its load (the HTTP round trip alone), and the one client's batches through the");
        md.AppendLine("service's write path (`MetadataWriter`: validation, derived edges, the store's batch and change feed) in the bench's own");
        md.AppendLine("process on a fresh store of its own: no HTTP, no request parsing, no search index.");
        foreach (var run in runs.OrderBy(r => "SML".IndexOf(r.Size[0])).ThenBy(r => r.Size).ThenBy(r => r.Store))
            RenderIngestRun(md, run);
        return md.ToString();
    }

    private static void RenderIngestRun(StringBuilder md, IngestBenchResult run)
    {
        string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
        string S(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
        var (on, off, floor) = (run.ReadYourWritesOn, run.ReadYourWritesOff, run.InProcess);
        md.AppendLine();
        md.AppendLine($"### Size {run.Size}, {run.Store} ({run.RanAt:yyyy-MM-dd HH:mm} UTC)");
        md.AppendLine();
        md.AppendLine($"**Reproduce:** `{run.Command}`");
        md.AppendLine();
        md.AppendLine($"**Machine:** {run.Machine}. **Load average** (1, 5, 15 min): {string.Join("; ", run.Load)}.");
        md.AppendLine();
        md.AppendLine($"**Data:** {N(run.Entities)} entities, {N(run.Aspects)} aspects.");
        if (run is { SinkOn: { } sinkOn, SinkOff: { } sinkOff })
            RenderPasses(md, $"As DataHub's REST sink sends: {sinkOn.Clients} clients, {N(sinkOn.Requests)} requests of up to {N(sinkOn.BatchSize)} proposals", sinkOn, sinkOff, null);
        if (run is { BulkOn: { } bulkOn, BulkOff: { } bulkOff })
            RenderPasses(md, $"Bulk load: {bulkOn.Clients} clients at once, {N(bulkOn.Requests)} requests of up to {N(bulkOn.BatchSize)} proposals", bulkOn, bulkOff, floor);
        RenderPasses(md, $"One client: {N(on.Requests)} requests of up to {N(run.BatchSize)} proposals, one at a time", on, off, floor);
        if (run.CrossInstance is not { } lag) return;
        md.AppendLine();
        md.AppendLine($"**Two instances on one Neo4j server.** A (read-your-writes on) had loaded the estate; B was started afterwards with a");
        md.AppendLine($"data directory (search index, tokens) of its own, and its search counted every entity {S(lag.CatchUpSeconds)} s after it answered");
        md.AppendLine($"/health. Each of {N(lag.Probes)} probes writes one new `mlModel` on A with `ingestProposal` (p50 / p95 / p99 ms {lag.WriteOnA},");
        md.AppendLine("A's own index having it when A answers), then asks B's `/api/v1/search` for its name. B's index learns of A's writes only");
        md.AppendLine("from the change feed in Neo4j, which it reads every 500 ms when it has no writes of its own (`IndexFeeder.Poll`); the");
        md.AppendLine("polled probes each wait a random 0–600 ms first, so that their writes do not fall in step with B's reads.");
        md.AppendLine();
        md.AppendLine("| measure | p50 / p95 / p99 ms | |");
        md.AppendLine("|---|---|---|");
        md.AppendLine($"| A's 200 → B's search finds the model, asking every {lag.PollEveryMs} ms | {lag.PollLag?.ToString() ?? "—"} "
            + $"| {N(lag.Probes - lag.PollMissed)} of {N(lag.Probes)} found within 30 s |");
        md.AppendLine($"| B's search sent with `X-Lineage-Min-Sequence` = A's `X-Lineage-Sequence` | {lag.MinSequenceRead} "
            + $"| **{N(lag.FoundAtOnce)} of {N(lag.Probes)} found it at once**{(lag.Unavailable > 0 ? $", {N(lag.Unavailable)} answered 503" : "")}; "
            + $"p50 {Times(lag.MinSequenceRead.P50 / lag.Floor.P50)} B's floor |");
        md.AppendLine($"| floor: B's GET /health | {lag.Floor} | |");
    }

    private static void RenderPasses(StringBuilder md, string title, IngestPass on, IngestPass off, WritePathFloor? floor)
    {
        string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
        string S(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
        string Share(double value) => value.ToString(value < 0.01 ? "0.0#%" : "0%", CultureInfo.InvariantCulture);
        var ratio = on.AspectsPerSecond / off.AspectsPerSecond;
        md.AppendLine();
        md.AppendLine($"**{title}.**");
        md.AppendLine();
        md.AppendLine("| measure | read-your-writes on | read-your-writes off | on ÷ off |");
        md.AppendLine("|---|---|---|---|");
        md.AppendLine($"| ingest (aspects/s) | {N(on.AspectsPerSecond)} | {N(off.AspectsPerSecond)} | **{Times(ratio)}** "
            + $"({(ratio >= ReadYourWritesTarget ? "✓" : "✗")} target ≥ {ReadYourWritesTarget.ToString("0.00", CultureInfo.InvariantCulture)}×) |");
        md.AppendLine($"| time to load (s) | {S(on.Seconds)} | {S(off.Seconds)} | {Times(on.Seconds / off.Seconds)} |");
        if (on.Retries + off.Retries > 0)
            md.AppendLine($"| requests shed (503) and sent again, as DataHub's emitter does | {N(on.Retries)} | {N(off.Retries)} | |");
        md.AppendLine($"| batch request p50 / p95 / p99 ms | {on.Request} | {off.Request} | {Times(on.Request.P50 / off.Request.P50)} p50 |");
        md.AppendLine($"| floor: GET /health p50 / p95 / p99 ms, same service | {on.Floor} | {off.Floor} | |");
        md.AppendLine($"| GET /health p50 as a share of a batch request's p50 | {Share(on.Floor.P50 / on.Request.P50)} | {Share(off.Floor.P50 / off.Request.P50)} | |");
        if (floor is not null)
            md.AppendLine($"| floor: in-process write path, {N(floor.AspectsPerSecond)} aspects/s (batch p50 / p95 / p99 ms {floor.Batch}) "
                + $"| {Times(on.AspectsPerSecond / floor.AspectsPerSecond)} of it | {Times(off.AspectsPerSecond / floor.AspectsPerSecond)} of it | |");
        md.AppendLine($"| search counted every entity, after the last acknowledged write (s) | {S(on.IndexCaughtUpSeconds)} | {S(off.IndexCaughtUpSeconds)} | |");
        md.AppendLine($"| entities search did not count at its first look after the last write | {N(on.MissingAtFirstLook)} | {N(off.MissingAtFirstLook)} | |");
    }
}
