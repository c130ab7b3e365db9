namespace Lineage.Graph.Storage;

/// <summary>
/// The values of one timeseries aspect of one entity whose <c>timestampMillis</c> lies in [start, end] (either end
/// open when null), newest first, at most <paramref name="Limit"/> of them.
/// </summary>
public sealed record TimeseriesQuery(string Urn, string Aspect, long? StartTimeMillis, long? EndTimeMillis, int Limit);
