using System.Globalization;
using System.Text;

namespace Lineage.Bench;

/// <summary>The OpenLineage section (<c>--openlineage</c>).</summary>
internal static partial class Report
{
    /// <summary>Per store: events per second by one client and by several at once, against GET /health on the same service.</summary>
    public static string RenderOpenLineage(IReadOnlyList<OpenLineageBenchResult> runs)
    {
        if (runs.Count == 0) return "";
        string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
        var md = new StringBuilder();
        md.AppendLine();
        md.AppendLine("## OpenLineage events");
        md.AppendLine();
        md.AppendLine("Generated OpenLineage RunEvents (`OpenLineageEvents`, seed 42), shaped as Airflow's, dbt's and Spark's integrations send");
        md.AppendLine("them: jobs in job namespaces of the three kinds, each reading one to three datasets and writing one from a pool of");
        md.AppendLine("`postgres://`, `s3://` and `bigquery` datasets (a few read by many jobs); every run a START naming the datasets, then a");
        md.AppendLine("COMPLETE with their schema facets (8–12 fields) and the output's `columnLineage` (each output field from one input");
        md.AppendLine("field, every third from two); Airflow's and dbt's runs carry a `parent` facet. Posted one per request to");
        md.AppendLine("`POST /api/v1/lineage` into a fresh service on a fresh store (read-your-writes on, the default), by one client, then");
        md.AppendLine("into another fresh one by several at once (each the runs of its own job namespaces, in order). Events/s is events ÷");
        md.AppendLine("the wall clock from the first request to the last answer. Floor: GET /health on the same service before the events.");
        foreach (var run in runs.OrderBy(r => r.Store))
        {
            var (one, many, facts) = (run.Sequential, run.Concurrent, run.Events);
            md.AppendLine();
            md.AppendLine($"### {run.Store} ({run.RanAt:yyyy-MM-dd HH:mm} UTC)");
            md.AppendLine();
            md.AppendLine($"**Reproduce:** `{run.Command}`");
            md.AppendLine();
            md.AppendLine($"**Machine:** {run.Machine}. **Load average** (1, 5, 15 min): {string.Join("; ", run.Load)}.");
            md.AppendLine();
            md.AppendLine($"**Data:** {N(facts.Events)} events: {N(facts.Runs)} runs of {N(facts.Jobs)} jobs in {N(facts.Namespaces)} namespaces, "
                + $"{N(facts.Datasets)} datasets, {N(facts.ParentedRuns)} runs with a parent; {N(facts.MeanEventBytes)} bytes an event on average "
                + $"({N(facts.MeanCompleteBytes)} a COMPLETE).");
            md.AppendLine();
            string Clients(OpenLineagePass p) => $"{p.Clients} client{(p.Clients > 1 ? "s" : "")}";
            string Failed(OpenLineagePass p) => p.Failed.Count == 0 ? "0" : string.Join(", ", p.Failed.Select(f => $"{N(f.Value)} × {f.Key}"));
            md.AppendLine($"| measure | {Clients(one)} | {Clients(many)} | {many.Clients} ÷ 1 |");
            md.AppendLine("|---|---|---|---|");
            md.AppendLine($"| events/s | {N(one.EventsPerSecond)} | {N(many.EventsPerSecond)} | {Times(many.EventsPerSecond / one.EventsPerSecond)} |");
            md.AppendLine($"| time to post every event (s) | {one.Seconds.ToString("0.0", CultureInfo.InvariantCulture)} | {many.Seconds.ToString("0.0", CultureInfo.InvariantCulture)} | |");
            md.AppendLine($"| event request p50 / p95 / p99 ms | {one.Request} | {many.Request} | {Times(many.Request.P50 / one.Request.P50)} p50 |");
            md.AppendLine($"| floor: GET /health p50 / p95 / p99 ms, same service | {one.Floor} | {many.Floor} | |");
            md.AppendLine($"| event request p50 ÷ GET /health p50 | {Times(one.Request.P50 / one.Floor.P50)} | {Times(many.Request.P50 / many.Floor.P50)} | |");
            md.AppendLine($"| failed requests (by status) | {Failed(one)} | {Failed(many)} | |");
        }
        return md.ToString();
    }
}
