using System.Diagnostics;

namespace Lineage.Bench;

/// <summary>Client-side latency percentiles of repeated calls.</summary>
internal sealed record Latency(int Samples, double P50, double P95, double P99)
{
    public static async Task<Latency> MeasureAsync(IReadOnlyList<Func<Task>> calls, int rounds, int warmup = 1)
    {
        for (var w = 0; w < warmup; w++)
            foreach (var call in calls) await call();
        var samples = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            foreach (var call in calls)
            {
                var clock = Stopwatch.StartNew();
                await call();
                samples.Add(clock.Elapsed.TotalMilliseconds);
            }
        }
        return Of(samples);
    }

    /// <summary>The percentiles of samples measured elsewhere.</summary>
    public static Latency Of(IReadOnlyCollection<double> measured)
    {
        var samples = measured.Order().ToList();
        double At(double q) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(q * samples.Count) - 1)];
        return new Latency(samples.Count, At(0.50), At(0.95), At(0.99));
    }

    /// <summary>p50 / p95 / p99 in ms; below 1 ms with two decimals, as the in-process floors answer in tenths of a millisecond.</summary>
    public override string ToString() => $"{Ms(P50)} / {Ms(P95)} / {Ms(P99)}";

    private static string Ms(double ms) => ms.ToString(ms < 1 ? "0.00" : "0.0", System.Globalization.CultureInfo.InvariantCulture);
}
