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
        md.AppendLine("The whole estate of the size, loaded by one client one request at a time with `ingestProposalBatch`, in batches of");
        md.AppendLine("1,000 proposals (fewer when that many would pass 3 MB), twice, each into a fresh service on a fresh store:");
        md.AppendLine("read-your-writes on (the default: a write's 200 waits until this instance's search index reflects it) and off");
        md.AppendLine("(`--Lineage:Consistency:ReadYourWrites=false`). The rate is aspects ÷ the sum of the requests' times (the client builds");
        md.AppendLine("each body off the clock). The issue asks that on be within 15% of off (on ÷ off ≥ 0.85×). Floors from the same run:");
        md.AppendLine("GET /health on the same service after its load (the HTTP round trip alone), and the same batches through the");
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
        string Share(double value) => value.ToString(value < 0.01 ? "0.0#%" : "0%", CultureInfo.InvariantCulture);
        var (on, off, floor) = (run.ReadYourWritesOn, run.ReadYourWritesOff, run.InProcess);
        md.AppendLine();
        md.AppendLine($"### Size {run.Size}, {run.Store} ({run.RanAt:yyyy-MM-dd HH:mm} UTC)");
        md.AppendLine();
        md.AppendLine($"**Reproduce:** `{run.Command}`");
        md.AppendLine();
        md.AppendLine($"**Machine:** {run.Machine}. **Load average** (1, 5, 15 min): {string.Join("; ", run.Load)}.");
        md.AppendLine();
        md.AppendLine($"**Data:** {N(run.Entities)} entities, {N(run.Aspects)} aspects in {N(on.Requests)} requests of up to {N(run.BatchSize)} proposals.");
        md.AppendLine();
        var ratio = on.AspectsPerSecond / off.AspectsPerSecond;
        md.AppendLine("| measure | read-your-writes on | read-your-writes off | on ÷ off |");
        md.AppendLine("|---|---|---|---|");
        md.AppendLine($"| ingest (aspects/s) | {N(on.AspectsPerSecond)} | {N(off.AspectsPerSecond)} | **{Times(ratio)}** "
            + $"({(ratio >= ReadYourWritesTarget ? "✓" : "✗")} target ≥ {ReadYourWritesTarget.ToString("0.00", CultureInfo.InvariantCulture)}×) |");
        md.AppendLine($"| time to load (s) | {S(on.Seconds)} | {S(off.Seconds)} | {Times(on.Seconds / off.Seconds)} |");
        md.AppendLine($"| batch request p50 / p95 / p99 ms | {on.Request} | {off.Request} | {Times(on.Request.P50 / off.Request.P50)} p50 |");
        md.AppendLine($"| floor: GET /health p50 / p95 / p99 ms, same service | {on.Floor} | {off.Floor} | |");
        md.AppendLine($"| GET /health p50 as a share of a batch request's p50 | {Share(on.Floor.P50 / on.Request.P50)} | {Share(off.Floor.P50 / off.Request.P50)} | |");
        md.AppendLine($"| floor: in-process write path, {N(floor.AspectsPerSecond)} aspects/s (batch p50 / p95 / p99 ms {floor.Batch}) "
            + $"| {Times(on.AspectsPerSecond / floor.AspectsPerSecond)} of it | {Times(off.AspectsPerSecond / floor.AspectsPerSecond)} of it | |");
        md.AppendLine($"| search counted every entity, after the last acknowledged write (s) | {S(on.IndexCaughtUpSeconds)} | {S(off.IndexCaughtUpSeconds)} | |");
        md.AppendLine($"| entities search did not count at its first look after the last write | {N(on.MissingAtFirstLook)} | {N(off.MissingAtFirstLook)} | |");
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
}
