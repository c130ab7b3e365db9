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

    public override string ToString() => $"{P50:0.0} / {P95:0.0} / {P99:0.0}";
}
