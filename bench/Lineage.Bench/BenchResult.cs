namespace Lineage.Bench;

/// <summary>Everything one run measured for one store at one size; saved as JSON and rendered into BENCHMARKS.md.</summary>
internal sealed record BenchResult(
    string Size,
    string Store,
    int Entities,
    int Aspects,
    DateTimeOffset RanAt,
    double IngestBatchedPerSecond,
    double IngestOneByOnePerSecond,
    double IndexCatchUpSeconds,
    Dictionary<string, Latency> Latencies,
    long PeakMemoryBytes,
    long StoreBytes,
    long IndexBytes)
{
    /// <summary>Mean nodes per answer of each lineage and impact measure, root included (absent in older results).</summary>
    public Dictionary<string, double>? AnswerNodes { get; init; }

    /// <summary>Measures some of whose calls failed (the column run counts 504 time-outs instead of stopping), and how.</summary>
    public Dictionary<string, string>? Failures { get; init; }
}
