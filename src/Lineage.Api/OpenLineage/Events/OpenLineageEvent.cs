using System.Text.Json.Nodes;

namespace Lineage.Api.OpenLineage.Events;

/// <summary>
/// One OpenLineage event (spec 2-0-x) as read off the wire: a run event, a job event or a dataset event, told apart
/// by shape. <see cref="Raw"/> is the event as sent, which keeps every facet Lineage has no place for.
/// </summary>
internal abstract record OpenLineageEvent(DateTimeOffset EventTime, string? Producer, JsonObject Raw);

/// <summary>What happened to a run (START, RUNNING, COMPLETE, ABORT, FAIL or OTHER) and what it read and wrote.</summary>
internal sealed record RunEvent(
    DateTimeOffset EventTime,
    string? Producer,
    JsonObject Raw,
    string EventType,
    OpenLineageRun Run,
    OpenLineageJob Job,
    IReadOnlyList<OpenLineageDataset> Inputs,
    IReadOnlyList<OpenLineageDataset> Outputs) : OpenLineageEvent(EventTime, Producer, Raw);

/// <summary>A job's static description, without a run: what it is and what it reads and writes.</summary>
internal sealed record JobEvent(
    DateTimeOffset EventTime,
    string? Producer,
    JsonObject Raw,
    OpenLineageJob Job,
    IReadOnlyList<OpenLineageDataset> Inputs,
    IReadOnlyList<OpenLineageDataset> Outputs) : OpenLineageEvent(EventTime, Producer, Raw);

/// <summary>A dataset's static description, without a job.</summary>
internal sealed record DatasetEvent(DateTimeOffset EventTime, string? Producer, JsonObject Raw, OpenLineageDataset Dataset)
    : OpenLineageEvent(EventTime, Producer, Raw);

/// <summary>A run: its id (a UUID in the spec) and its facets.</summary>
internal sealed record OpenLineageRun(string RunId, JsonObject Facets);

/// <summary>A job, named by namespace and name, with its facets.</summary>
internal sealed record OpenLineageJob(string Namespace, string Name, JsonObject Facets);

/// <summary>A dataset, named by namespace and name (OpenLineage's naming spec), with its facets and its input or output facets.</summary>
internal sealed record OpenLineageDataset(string Namespace, string Name, JsonObject Facets, JsonObject IoFacets);
