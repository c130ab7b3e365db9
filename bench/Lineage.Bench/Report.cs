using System.Globalization;
using System.Text;

namespace Lineage.Bench;

/// <summary>Renders every saved result into BENCHMARKS.md: machine, command, sizes, one table per size.</summary>
internal static partial class Report
{
    public static string Render(IReadOnlyList<BenchResult> results, DrawResult? draw, string machine)
    {
        var md = new StringBuilder();
        md.AppendLine("# Benchmarks");
        md.AppendLine();
        md.AppendLine("Measured by `bench/Lineage.Bench` (Release) against the service started as its own process, each store fresh.");
        md.AppendLine("Latencies are client-side milliseconds, p50 / p95 / p99, over the fixed roots and queries the generator picks.");
        md.AppendLine();
        md.AppendLine("**Floors.** Each lineage and impact row is followed by its plain-CTE floor: the same lineage edges, derived from the");
        md.AppendLine("estate's aspects by the service's own model, in one plain SQLite table of text urns (upstream, downstream), and the");
        md.AppendLine("same walk from the same roots as one recursive CTE that returns every node within the hops, nearest first then by urn,");
        md.AppendLine("cut at the same node count; in the bench's own process, no HTTP. On Neo4j a row is also followed by its raw-Cypher");
        md.AppendLine("baseline: the store's own step statement sent level by level straight to the server, walked as the service walks.");
        md.AppendLine("A row's ratios to them are p50 and p99 (`p50 14× · p99 9.1× CTE`); its ratio to the http floor (`GET /health`) is p99.");
        md.AppendLine("An impact row's nodes are all it walked and counted; since 2026-12-05 its answer lists the first 100 of them (the");
        md.AppendLine("API's default page, with the owners of all), and the `count 10,000` row lists them all.");
        if (results.Any(r => r.Latencies.Keys.Any(IsEarlyCypherBaseline)))
        {
            md.AppendLine("Raw-Cypher rows named without `lineage` come from runs before the baseline followed each edge to its far end; no");
            md.AppendLine("ratio is taken to them.");
        }
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
            foreach (var name in InTableOrder(runs.SelectMany(r => r.Latencies.Keys).Distinct().ToList()))
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

    /// <summary>
    /// The column-lineage section: per run, the data, the loads with and without columns, and lineage by column next to
    /// lineage by entity from the same roots, then where the time of each answer goes.
    /// </summary>
    public static string RenderColumns(IReadOnlyList<ColumnBenchResult> runs, string notes)
    {
        if (runs.Count == 0) return "";
        var md = new StringBuilder();
        foreach (var perDataset in runs.GroupBy(r => r.ColumnsPerDataset).OrderBy(g => g.Key))
        {
            md.AppendLine();
            md.AppendLine($"## Column lineage ({perDataset.Key} columns per dataset)");
            md.AppendLine();
            md.AppendLine("The estate of the size, generated again with a schema of that many columns on every dataset, fine-grained lineage on");
            md.AppendLine("every dataset-to-dataset lineage edge (each downstream column dealt to one upstream in turn; 80% of them mapped,");
            md.AppendLine("85% of those one-to-one from the column of the same name, 15% from two or three columns), and 30% of feature");
            md.AppendLine("sources replaced by a column of the same dataset; otherwise the same estate entity for entity (the column choices");
            md.AppendLine("draw from a random source of their own). Each estate is loaded into a fresh service on a fresh store, the one with");
            md.AppendLine("columns first. Lineage by column starts at one column of each hub dataset and of each leaf dataset, and at each model");
            md.AppendLine("root; lineage by entity starts at those datasets and models. Answers stop at the default 1,000 nodes.");
            foreach (var run in perDataset.OrderBy(r => "SML".IndexOf(r.Size[0])).ThenBy(r => r.Store))
                RenderColumnRun(md, run);
        }
        return md + notes;
    }

    private static void RenderColumnRun(StringBuilder md, ColumnBenchResult run)
    {
        var (with, without, facts) = (run.WithColumns, run.WithoutColumns, run.Columns);
        string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
        md.AppendLine();
        md.AppendLine($"### Size {run.Size}, {run.Store} ({with.RanAt:yyyy-MM-dd HH:mm} UTC)");
        md.AppendLine();
        md.AppendLine($"**Reproduce:** `{run.Command}`");
        md.AppendLine();
        md.AppendLine($"**Machine:** {run.Machine}. **Load average** (1, 5, 15 min): {string.Join("; ", run.Load)}.");
        md.AppendLine();
        md.AppendLine($"**Data:** {N(with.Entities)} entities and {N(with.Aspects)} aspects ({N(without.Aspects)} without columns); "
            + $"{N(facts.Columns)} columns (`schemaField` entities, one `HasSchemaField` edge each); {N(facts.ColumnEdges)} column-to-column "
            + $"`DownstreamOf` edges from {N(facts.FineGrainedEntries)} `fineGrainedLineages` entries ({N(facts.ManyToOneEntries)} many-to-one); "
            + $"{N(facts.ColumnSourcedFeatures)} features built from a column.");
        md.AppendLine();
        md.AppendLine($"| measure | with columns | without columns | with / without |");
        md.AppendLine("|---|---|---|---|");
        void Pair(string name, double a, double b, string format) =>
            md.AppendLine($"| {name} | {a.ToString(format, CultureInfo.InvariantCulture)} | {b.ToString(format, CultureInfo.InvariantCulture)} | {Times(a / b)} |");
        Pair("aspects", with.Aspects, without.Aspects, "N0");
        Pair("ingest, batched (aspects/s)", with.IngestBatchedPerSecond, without.IngestBatchedPerSecond, "N0");
        Pair("ingest, batched: time to load (s)", (with.Aspects - Math.Min(1000, with.Aspects / 10)) / with.IngestBatchedPerSecond,
            (without.Aspects - Math.Min(1000, without.Aspects / 10)) / without.IngestBatchedPerSecond, "N0");
        Pair($"ingest, one by one (aspects/s; the first {N(Math.Min(1000, with.Aspects / 10))}, as in the size tables)", with.IngestOneByOnePerSecond, without.IngestOneByOnePerSecond, "N0");
        Pair("search index caught up after last write (s)", with.IndexCatchUpSeconds, without.IndexCatchUpSeconds, "0.0");
        Pair("service peak memory (MiB)", with.PeakMemoryBytes / 1048576.0, without.PeakMemoryBytes / 1048576.0, "N0");
        Pair("store on disk (MiB)", with.StoreBytes / 1048576.0, without.StoreBytes / 1048576.0, "N1");
        Pair("search index on disk (MiB)", with.IndexBytes / 1048576.0, without.IndexBytes / 1048576.0, "N1");
        md.AppendLine($"| http floor: GET /health (ms) | {with.Latencies[Floor]} | {without.Latencies[Floor]} | |");
        md.AppendLine();
        md.AppendLine("Lineage, client-side p50 / p95 / p99 ms; the column figure's p50 and p99 as a multiple of the entity-level walk's from");
        md.AppendLine("the same root's dataset (for a model, the same model) in the same estate, and p99 of the http floor; mean nodes per answer.");
        md.AppendLine();
        md.AppendLine("| from, hops | by column (`granularity=column`) | by entity, same estate | by entity, estate without columns |");
        md.AppendLine("|---|---|---|---|");
        foreach (var hops in new[] { 1, 3, 5 })
        {
            foreach (var (root, column, entity) in new[]
            {
                ("hub ↓: a column / its dataset", $"column {hops} hops, hub column, downstream", $"entity {hops} hops, hub, downstream"),
                ("leaf ↓: a column / its dataset", $"column {hops} hops, leaf column, downstream", $"entity {hops} hops, leaf, downstream"),
                ("model ↑", $"column {hops} hops, model, upstream", $"entity {hops} hops, model, upstream"),
            })
            {
                string Cell(BenchResult r, string name, string? against)
                {
                    var failed = r.Failures?.GetValueOrDefault(name) is { } f0 ? $" **{f0}**" : "";
                    if (!r.Latencies.TryGetValue(name, out var l)) return failed.Length > 0 ? failed.Trim() : "—";
                    var parts = new List<string>();
                    if (against is not null && r.Latencies.TryGetValue(against, out var e) && e.P50 > 0)
                        parts.Add($"{Times(l.P50 / e.P50)} / {Times(l.P99 / e.P99)} entity");
                    if (r.Latencies.TryGetValue(Floor, out var f) && f.P99 > 0) parts.Add($"{Times(l.P99 / f.P99)} floor");
                    return $"{l} ({string.Join(", ", parts)}){Nodes(r, name)}{failed}";
                }
                md.AppendLine($"| {root}, {hops} hop{(hops > 1 ? "s" : "")} | {Cell(with, column, entity)} | {Cell(with, entity, null)} | {Cell(without, entity, null)} |");
            }
        }
        md.AppendLine();
        md.AppendLine("Where the time goes: the same answers computed in the bench's own process by `LineageService.GetLineageAsync` over");
        md.AppendLine("the store the service wrote, each store call timed (up to 3 rounds after a warm-up, within 60 s a measure; mean ms per");
        md.AppendLine("answer). Hops is one `GetLineageHopsAsync` per level (edge rows returned); edges is `GetLineageEdgesFromAsync` (rows");
        md.AppendLine("read to keep those among the answer's nodes); the rest is the walk's and the dressing's own work. HTTP p50 minus");
        md.AppendLine("in-process is roughly HTTP, JSON and the service.");
        TimeTable(md, run, name => !name.EndsWith(StoreTiming.CrossJoinSuffix, StringComparison.Ordinal), withRatio: false);
        if (run.Primitives.Keys.Any(k => k.EndsWith(StoreTiming.CrossJoinSuffix, StringComparison.Ordinal)))
        {
            md.AppendLine("The same, with the one statement the bench rewrites (an earlier bench's rewrite, which the store has since taken): the store's hops statement with");
            md.AppendLine("its two column-range arms as `json_each($columnsOf) f CROSS JOIN edges e`, which makes SQLite seek each frontier node's");
            md.AppendLine("column range instead of scanning the edges table (see below). Not the service's code: what the walk costs once that plan");
            md.AppendLine("is fixed. The last column is the column walk's mean as a multiple of the entity walk's from the same root's dataset.");
            TimeTable(md, run, name => name.EndsWith(StoreTiming.CrossJoinSuffix, StringComparison.Ordinal), withRatio: true);
        }
    }

    private static void TimeTable(StringBuilder md, ColumnBenchResult run, Func<string, bool> include, bool withRatio)
    {
        string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
        string Ms(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
        const string Without = " (without columns)";
        md.AppendLine();
        md.AppendLine("| measure | HTTP p50 | in-process | hops (calls · rows) | node facts | edges among (rows) | deprecation | walk + dressing | nodes · edges |"
            + (withRatio ? " column ÷ entity |" : ""));
        md.AppendLine("|---|---|---|---|---|---|---|---|---|" + (withRatio ? "---|" : ""));
        foreach (var (name, t) in run.Primitives.Where(p => include(p.Key)))
        {
            var bare = name.EndsWith(StoreTiming.CrossJoinSuffix, StringComparison.Ordinal) ? name[..^StoreTiming.CrossJoinSuffix.Length] : name;
            var plain = bare.EndsWith(Without, StringComparison.Ordinal);
            var measure = plain ? bare[..^Without.Length] : bare;
            var source = plain ? run.WithoutColumns : run.WithColumns;
            var http = source.Latencies.TryGetValue(measure, out var l) ? Ms(l.P50) : "—";
            var timedOut = t.TimedOut > 0 ? $" ({t.TimedOut} past 30 s)" : "";
            var ratio = "";
            if (withRatio)
            {
                var entity = measure.StartsWith("column ", StringComparison.Ordinal)
                    ? "entity " + measure["column ".Length..].Replace("hub column", "hub").Replace("leaf column", "leaf") + (plain ? Without : "") + StoreTiming.CrossJoinSuffix
                    : null;
                ratio = entity is not null && run.Primitives.TryGetValue(entity, out var e) && e.Samples > 0 && t.Samples > 0 ? $" {Times(t.TotalMs / e.TotalMs)} |" : " |";
            }
            if (t.Samples == 0)
            {
                md.AppendLine($"| {bare} | {http} | all{timedOut} | | | | | | |{ratio}");
                continue;
            }
            md.AppendLine($"| {bare} | {http} | {Ms(t.TotalMs)}{timedOut} | {Ms(t.HopsMs)} ({t.HopCalls:0.#} · {N(t.HopRows)}) | {Ms(t.FactsMs)} | "
                + $"{Ms(t.EdgesMs)} ({N(t.EdgeRows)}) | {Ms(t.DeprecationMs)} | {Ms(t.OtherMs)} | {N(t.Nodes)} · {N(t.Edges)} |{ratio}");
        }
        md.AppendLine();
    }

    private const string Floor = "http floor: GET /health";

    /// <summary>A measure's ratios in brackets, or nothing when it has none.</summary>
    private static string Ratio(BenchResult r, string name) => Ratios(r.Latencies, name) is { Length: > 0 } ratios ? $" ({ratios})" : "";

    /// <summary>
    /// How a measure compares with what it is measured against: a walk with its plain-CTE floor and raw-Cypher baseline
    /// (p50 and p99 each), autocomplete with raw Lucene (p99), and every measure but those with the http floor (p99).
    /// Empty when there is nothing to compare with, as for results saved before the floors.
    /// </summary>
    internal static string Ratios(IReadOnlyDictionary<string, Latency> latencies, string name)
    {
        var parts = new List<string>();
        var l = latencies[name];
        string Both(Latency against) => $"p50 {Times(l.P50 / against.P50)} · p99 {Times(l.P99 / against.P99)}";
        if (latencies.TryGetValue(WalkRow.FloorPrefix + name, out var cte) && cte.P50 > 0 && cte.P99 > 0) parts.Add($"{Both(cte)} CTE");
        if (latencies.TryGetValue(WalkRow.CypherPrefix + name, out var cypher) && cypher.P50 > 0 && cypher.P99 > 0) parts.Add($"{Both(cypher)} raw Cypher");
        if (name == "autocomplete" && latencies.TryGetValue(LuceneBaseline, out var lucene) && lucene.P99 > 0)
            parts.Add($"{Times(l.P99 / lucene.P99)} raw Lucene");
        if (!IsComparison(name) && latencies.TryGetValue(Floor, out var http) && http.P99 > 0) parts.Add($"{Times(l.P99 / http.P99)} http");
        return string.Join("; ", parts);
    }

    /// <summary>
    /// The table's rows: measures in the order the runs took them, each walk followed by its floor and baseline rows
    /// (a run that has them stores them after the walk, but Neo4j's baselines would otherwise trail embedded's rows).
    /// </summary>
    private static List<string> InTableOrder(IReadOnlyList<string> names)
    {
        var present = names.ToHashSet(StringComparer.Ordinal);
        bool IsCompanion(string name) =>
            (name.StartsWith(WalkRow.FloorPrefix, StringComparison.Ordinal) && present.Contains(name[WalkRow.FloorPrefix.Length..]))
            || (name.StartsWith(WalkRow.CypherPrefix, StringComparison.Ordinal) && present.Contains(name[WalkRow.CypherPrefix.Length..]));
        var ordered = new List<string>();
        foreach (var name in names.Where(n => !IsCompanion(n)))
        {
            ordered.Add(name);
            ordered.AddRange(new[] { WalkRow.FloorPrefix + name, WalkRow.CypherPrefix + name }.Where(present.Contains));
        }
        return ordered;
    }

    /// <summary>Measures that are themselves what others are compared with.</summary>
    private static bool IsComparison(string name) =>
        name == Floor || name.StartsWith("baseline: ", StringComparison.Ordinal) || name.StartsWith(WalkRow.FloorPrefix, StringComparison.Ordinal);

    /// <summary>
    /// A raw-Cypher row of the first baseline (<c>baseline: raw Cypher 3 hops, hub, downstream</c>), which took an
    /// edge's source as its far end, so followed none of the edges whose lineage role is the walk's forward one.
    /// </summary>
    private static bool IsEarlyCypherBaseline(string name) =>
        name.StartsWith(WalkRow.CypherPrefix, StringComparison.Ordinal) && !name.StartsWith(WalkRow.CypherPrefix + "lineage ", StringComparison.Ordinal)
        && !name.StartsWith(WalkRow.CypherPrefix + "impact ", StringComparison.Ordinal);

    private const string LuceneBaseline = "baseline: raw Lucene autocomplete";

    /// <summary>A ratio with the digits that matter: 0.45×, 1.54×, 31×.</summary>
    private static string Times(double ratio) =>
        ratio.ToString(ratio < 10 ? "0.0#" : "N0", CultureInfo.InvariantCulture) + "×";

    private static string Nodes(BenchResult r, string name) =>
        r.AnswerNodes?.TryGetValue(name, out var n) == true ? $" · {n.ToString("N0", CultureInfo.InvariantCulture)} nodes" : "";

    private static void Row(StringBuilder md, string name, IEnumerable<BenchResult> runs, Func<BenchResult, string> cell) =>
        md.AppendLine($"| {name} | {string.Join(" | ", runs.Select(cell))} |");
}
