using System.Text.Json.Nodes;

namespace Lineage.Graph.Storage;

/// <summary>One kept value of a timeseries aspect, exactly as written, with the time it is about and when and by whom it was written.</summary>
public sealed record TimeseriesValue(
    string Urn,
    string Aspect,
    long TimestampMillis,
    JsonObject Value,
    JsonObject? SystemMetadata,
    DateTimeOffset CreatedAt,
    string CreatedBy);
