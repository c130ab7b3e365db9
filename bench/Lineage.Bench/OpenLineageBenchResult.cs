namespace Lineage.Bench;

/// <summary>
/// One OpenLineage run (<c>--openlineage</c>) on one store: the same generated events posted one per request into a
/// fresh service on a fresh store, by one client and then by several at once; saved as JSON and rendered into its own
/// section of BENCHMARKS.md.
/// </summary>
/// <param name="Load">/proc/loadavg at the start, after each pass and at the end, as "stage: 1 5 15 minute averages".</param>
internal sealed record OpenLineageBenchResult(
    string Store,
    string Command,
    string Machine,
    DateTimeOffset RanAt,
    OpenLineageFacts Events,
    OpenLineagePass Sequential,
    OpenLineagePass Concurrent,
    IReadOnlyList<string> Load);

/// <summary>
/// Every event posted to <c>POST /api/v1/lineage</c>, one per request, by <paramref name="Clients"/> clients at once,
/// each sending the runs of its own job namespaces (START, then COMPLETE) one request at a time.
/// </summary>
/// <param name="Seconds">Wall clock from the first request to the last answer.</param>
/// <param name="Request">Client-side milliseconds of each event's request.</param>
/// <param name="Failed">Answers that were not 2xx, by status code (409 after the write path's retries, 5xx); not in <paramref name="Request"/>.</param>
/// <param name="Floor">GET /health on the same service before the events, one client: the HTTP round trip alone.</param>
internal sealed record OpenLineagePass(
    int Clients,
    int Events,
    double Seconds,
    double EventsPerSecond,
    Latency Request,
    Dictionary<string, int> Failed,
    Latency Floor);
