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
    long IndexBytes);
