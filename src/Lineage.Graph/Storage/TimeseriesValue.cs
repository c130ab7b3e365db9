using System.Text.Json.Nodes;

namespace Lineage.Graph.Storage;

/// <summary>One kept value of a timeseries aspect, exactly as written, with the time it is about.</summary>
public sealed record TimeseriesValue(
    string Urn,
    string Aspect,
    long TimestampMillis,
    JsonObject Value,
    JsonObject? SystemMetadata,
    DateTimeOffset CreatedAt);
