using System.Globalization;
using System.Text;

namespace Lineage.Bench;

/// <summary>Renders every saved result into BENCHMARKS.md: machine, command, sizes, one table per size.</summary>
internal static class Report
{
    public static string Render(IReadOnlyList<BenchResult> results, DrawResult? draw, string machine)
    {
        var md = new StringBuilder();
        md.AppendLine("# Benchmarks");
        md.AppendLine();
        md.AppendLine("Measured by `bench/Lineage.Bench` (Release) against the service started as its own process, each store fresh.");
        md.AppendLine("Latencies are client-side milliseconds, p50 / p95 / p99, over the fixed roots and queries the generator picks.");
        md.AppendLine();
        md.AppendLine("**Reproduce:** `dotnet run -c Release --project bench/Lineage.Bench -- --size M --store both` (sizes S, M, L; stores embedded, neo4j, both).");
        md.AppendLine("The Neo4j runs start a fresh Neo4j test server with `scripts/neo4j-test-server.sh`.");
        md.AppendLine();
        md.AppendLine($"**Machine:** {machine}");
        md.AppendLine();
        foreach (var group in results.GroupBy(r => r.Size).OrderBy(g => "SML".IndexOf(g.Key[0])))
        {
            var runs = group.OrderBy(r => r.Store).ToList();
            md.AppendLine($"## Size {group.Key}: {runs[0].Entities:N0} entities, {runs[0].Aspects:N0} aspects");
            md.AppendLine();
            md.AppendLine("| measure | " + string.Join(" | ", runs.Select(r => $"{r.Store} ({r.RanAt:yyyy-MM-dd})")) + " |");
            md.AppendLine("|---|" + string.Join("|", runs.Select(_ => "---")) + "|");
            Row(md, "ingest, batched (aspects/s)", runs, r => r.IngestBatchedPerSecond.ToString("N0", CultureInfo.InvariantCulture));
            Row(md, "ingest, one by one (aspects/s)", runs, r => r.IngestOneByOnePerSecond.ToString("N0", CultureInfo.InvariantCulture));
            Row(md, "search index caught up after last write (s)", runs, r => r.IndexCatchUpSeconds.ToString("0.0", CultureInfo.InvariantCulture));
            foreach (var name in runs.SelectMany(r => r.Latencies.Keys).Distinct())
            {
                Row(md, name, runs, r => r.Latencies.TryGetValue(name, out var l) ? $"{l}{Ratio(r, name)}{Nodes(r, name)}" : "—");
            }
            Row(md, "service peak memory (MiB)", runs, r => (r.PeakMemoryBytes / 1048576.0).ToString("N0", CultureInfo.InvariantCulture));
            Row(md, "store on disk (MiB)", runs, r => (r.StoreBytes / 1048576.0).ToString("N1", CultureInfo.InvariantCulture));
            Row(md, "search index on disk (MiB)", runs, r => (r.IndexBytes / 1048576.0).ToString("N1", CultureInfo.InvariantCulture));
            md.AppendLine();
        }
        if (draw is not null)
        {
            md.AppendLine($"## Lineage explorer: a {draw.Nodes}-node lineage view in headless Chromium ({draw.RanAt:yyyy-MM-dd})");
            md.AppendLine();
            md.AppendLine("**Reproduce:** `dotnet run -c Release --project bench/Lineage.Bench -- --draw` (Debian's Chromium, embedded store).");
            md.AppendLine("A tree of datasets 3 hops deep below one root, shown whole (`n=1000`, so no \"+k more\" node folds it).");
            md.AppendLine();
            md.AppendLine("| measure | p50 / p95 / p99 ms |");
            md.AppendLine("|---|---|");
            md.AppendLine($"| drawn: lineage answer in hand → laid out and rendered ({draw.Draw.Samples} rounds) | {draw.Draw} |");
            md.AppendLine($"| page ready: navigation → drawn, lineage request included | {draw.PageReady} |");
            md.AppendLine();
        }
        return md.ToString();
    }

    /// <summary>For a measure with a baseline, the p99 ratio service / baseline.</summary>
    private static string Ratio(BenchResult r, string name)
    {
        string? baseline = name switch
        {
            "autocomplete" => "baseline: raw Lucene autocomplete",
            _ when name.StartsWith("lineage ", StringComparison.Ordinal) && name.EndsWith("hub, downstream", StringComparison.Ordinal) =>
                $"baseline: raw Cypher {name["lineage ".Length..name.IndexOf(" hops", StringComparison.Ordinal)]} hops, hub, downstream",
            _ => null,
        };
        var floor = r.Latencies.GetValueOrDefault("http floor: GET /health");
        var parts = new List<string>();
        if (baseline is not null && r.Latencies.TryGetValue(baseline, out var b) && b.P99 > 0)
            parts.Add($"{Times(r.Latencies[name].P99 / b.P99)} baseline");
        if (floor is not null && !name.StartsWith("baseline", StringComparison.Ordinal) && !name.StartsWith("http floor", StringComparison.Ordinal) && floor.P99 > 0)
            parts.Add($"{Times(r.Latencies[name].P99 / floor.P99)} floor");
        return parts.Count == 0 ? "" : $" ({string.Join(", ", parts)})";
    }

    /// <summary>A ratio with the digits that matter: 0.45×, 1.54×, 31×.</summary>
    private static string Times(double ratio) =>
        ratio.ToString(ratio < 10 ? "0.0#" : "N0", CultureInfo.InvariantCulture) + "×";

    private static string Nodes(BenchResult r, string name) =>
        r.AnswerNodes?.TryGetValue(name, out var n) == true ? $" · {n.ToString("N0", CultureInfo.InvariantCulture)} nodes" : "";

    private static void Row(StringBuilder md, string name, IEnumerable<BenchResult> runs, Func<BenchResult, string> cell) =>
        md.AppendLine($"| {name} | {string.Join(" | ", runs.Select(cell))} |");
}
