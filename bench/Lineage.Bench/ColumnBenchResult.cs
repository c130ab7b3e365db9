namespace Lineage.Bench;

/// <summary>
/// One column-lineage run (<c>--columns N</c>) on one store: the estate with N columns per dataset and the same estate
/// without columns, each loaded into a fresh service; saved as JSON and rendered into its own section of BENCHMARKS.md.
/// </summary>
/// <param name="WithColumns">The estate with columns: ingest, and lineage by column and by entity from the same roots.</param>
/// <param name="WithoutColumns">The same estate without columns, loaded the same way: ingest, and lineage by entity.</param>
/// <param name="Load">/proc/loadavg at the start, after each load and at the end, as "stage: 1 5 15 minute averages".</param>
/// <param name="Primitives">Per measure, where an answer's time went, timed in the bench's process (<see cref="StoreTiming"/>).</param>
internal sealed record ColumnBenchResult(
    string Size,
    string Store,
    int ColumnsPerDataset,
    string Command,
    string Machine,
    ColumnFacts Columns,
    BenchResult WithColumns,
    BenchResult WithoutColumns,
    IReadOnlyList<string> Load,
    Dictionary<string, PrimitiveTimes> Primitives);

/// <summary>
/// Mean milliseconds per answer of <c>LineageService.GetLineageAsync</c> run in the bench's process over the store
/// the service wrote, split by the store call it was spent in; <see cref="OtherMs"/> is what is left, the walk's and the
/// dressing's own work. No HTTP and no JSON: the measure's HTTP p50 minus <see cref="TotalMs"/> is roughly those.
/// </summary>
internal sealed record PrimitiveTimes(
    int Samples,
    double TotalMs,
    double HopsMs,
    double HopCalls,
    double HopRows,
    double FactsMs,
    double EdgesMs,
    double EdgeRows,
    double DeprecationMs,
    double OtherMs,
    double Nodes,
    double Edges)
{
    /// <summary>Answers that passed the service's 30 s query time-out (not in the means).</summary>
    public int TimedOut { get; init; }
}
