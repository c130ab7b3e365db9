using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Lineage.Bench;

/// <summary>The lineage and impact rows of <see cref="RunAsync"/>: each timed through the service, then its floor and baseline.</summary>
internal sealed partial class Runner
{
    /// <summary>
    /// Times one walk row through the service, then the same walk as one recursive CTE over a plain table
    /// (<see cref="CteFloor"/>) and, on Neo4j, as the store's raw Cypher steps (<see cref="RawCypher"/>), and prints the
    /// row's ratios to them. Before timing a floor or baseline, checks root by root that it reaches as many nodes as the
    /// service answered: a different count means it is not the same walk, which is worth a warning but not the run.
    /// </summary>
    private async Task TimeWalkAsync(
        WalkRow row, CteFloor floor, RawCypher? cypher, Dictionary<string, Latency> latencies, Dictionary<string, double> answerNodes)
    {
        var paths = row.Roots.Select(row.PathFor).ToList();
        latencies[row.Name] = await Latency.MeasureAsync(paths.Select(p => (Func<Task>)(() => GetAsync(p))).ToList(), row.Rounds);
        var served = await AnswerNodesAsync(paths);
        Record(row.Name, served);

        if (WalkFloorOnce(row, floor) is { } floorNodes)
        {
            WarnIfNotTheSameWalk(row, "plain CTE", served, floorNodes);
            latencies[row.FloorName] = await floor.MeasureAsync(row);
            Record(row.FloorName, floorNodes);
        }

        if (cypher is not null)
        {
            var cypherNodes = new List<int>();
            foreach (var root in row.Roots) cypherNodes.Add(await cypher.WalkAsync(root, row));
            WarnIfNotTheSameWalk(row, "raw Cypher", served, cypherNodes);
            latencies[row.BaselineName] = await cypher.MeasureAsync(row);
            Record(row.BaselineName, cypherNodes);
        }
        Console.WriteLine($"[{size}/{store}]   {row.Name}: {Report.Ratios(latencies, row.Name)}");

        void Record(string name, IReadOnlyList<int> nodes)
        {
            answerNodes[name] = nodes.Average();
            Console.WriteLine($"[{size}/{store}] {name,-34} p50/p95/p99 ms {latencies[name]}, {answerNodes[name]:N0} nodes");
        }
    }

    /// <summary>
    /// The floor's node count from each root, or null (with a line saying why) when the row's floor would not finish in
    /// reasonable time: one walk past <see cref="CteFloor.Budget"/>, or all of them together so slow that timing the
    /// row's rounds would take longer than <see cref="CteFloor.RowBudget"/>: walks each under the budget, times every
    /// root and round, can still hold a run in one row's floor for many minutes.
    /// </summary>
    private List<int>? WalkFloorOnce(WalkRow row, CteFloor floor)
    {
        var nodes = new List<int>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var root in row.Roots)
        {
            if (floor.Walk(root, row, CteFloor.Budget) is not { } count)
            {
                Console.WriteLine($"[{size}/{store}] {row.FloorName}: a walk ran past {CteFloor.Budget.TotalSeconds:0} s; no floor for this row");
                return null;
            }
            nodes.Add(count);
        }
        var rowEstimate = clock.Elapsed * (row.Rounds + 1);
        if (rowEstimate <= CteFloor.RowBudget) return nodes;
        Console.WriteLine($"[{size}/{store}] {row.FloorName}: one pass took {clock.Elapsed.TotalSeconds:0.0} s, so its {row.Rounds} rounds would take about {rowEstimate.TotalMinutes:0} min; no floor for this row");
        return null;
    }

    /// <summary>One line per root whose answers differ in size, with both counts.</summary>
    private void WarnIfNotTheSameWalk(WalkRow row, string what, IReadOnlyList<int> served, IReadOnlyList<int> walked)
    {
        for (var i = 0; i < row.Roots.Count; i++)
        {
            if (served[i] != walked[i])
                Console.WriteLine($"[{size}/{store}] warning: {row.Name} from {row.Roots[i]}: the service answered {served[i]:N0} nodes, the {what} walk {walked[i]:N0}");
        }
    }

    /// <summary>How many nodes each answer holds, root included: what the latency of a row pays for.</summary>
    private async Task<List<int>> AnswerNodesAsync(IReadOnlyList<string> paths)
    {
        var counts = new List<int>();
        foreach (var path in paths)
        {
            var answer = (await _http.GetFromJsonAsync<JsonObject>(path))!;
            counts.Add(answer["nodes"] is JsonArray nodes ? nodes.Count + 1 : answer["total"]!.GetValue<int>() + 1);
        }
        return counts;
    }
}
