namespace Lineage.Bench;

/// <summary>
/// One read-your-writes ingest run (<c>--ingest</c>) on one store: the whole estate loaded in batches, each pass into a
/// fresh service on a fresh store, with read-your-writes on (the default) and off — by one client sending the largest
/// batches one at a time, and as DataHub's REST sink sends (<see cref="Runner.DataHubSink"/>) — and the same batches
/// through the write path in the bench's own process as the floor; saved as JSON and rendered into its own section of
/// BENCHMARKS.md.
/// </summary>
/// <param name="BatchSize">Proposals per request of the one client (fewer when that many would pass 3 MB).</param>
/// <param name="InProcess">The same batches through <c>MetadataWriter</c> in the bench's process: no HTTP, no index.</param>
/// <param name="Load">/proc/loadavg at the start, after each pass and at the end, as "stage: 1 5 15 minute averages".</param>
internal sealed record IngestBenchResult(
    string Size,
    string Store,
    string Command,
    string Machine,
    int Entities,
    int Aspects,
    int BatchSize,
    DateTimeOffset RanAt,
    IngestPass ReadYourWritesOn,
    IngestPass ReadYourWritesOff,
    WritePathFloor InProcess,
    IReadOnlyList<string> Load)
{
    /// <summary>Neo4j only: how soon a second instance on the same server sees a write made on the first.</summary>
    public CrossInstanceLag? CrossInstance { get; init; }

    /// <summary>The load as DataHub's REST sink sends it, read-your-writes on; absent from runs before it was measured.</summary>
    public IngestPass? SinkOn { get; init; }

    /// <summary>The same, read-your-writes off.</summary>
    public IngestPass? SinkOff { get; init; }

    /// <summary>A bulk load (<see cref="Runner.Bulk"/>), read-your-writes on; absent from runs before it was measured.</summary>
    public IngestPass? BulkOn { get; init; }

    /// <summary>The same, read-your-writes off.</summary>
    public IngestPass? BulkOff { get; init; }
}

/// <summary>
/// One load of the estate over HTTP into a fresh service.
/// </summary>
/// <param name="Request">Client-side milliseconds of each batch request, from send to the last byte of its answer.</param>
/// <param name="Floor">GET /health on the same service after the load, the index quiet: the HTTP round trip alone.</param>
/// <param name="IndexCaughtUpSeconds">From the last acknowledged write until search counted every entity (the first search's own time when it already did).</param>
internal sealed record IngestPass(
    bool ReadYourWrites,
    int Requests,
    double Seconds,
    double AspectsPerSecond,
    Latency Request,
    Latency Floor,
    double IndexCaughtUpSeconds)
{
    /// <summary>Entities search did not count yet at the first look after the last write (0: it held every one).</summary>
    public int MissingAtFirstLook { get; init; }

    /// <summary>Clients sending at once; <see cref="Seconds"/> is then the wall clock, not the sum of the requests' times.</summary>
    public int Clients { get; init; } = 1;

    /// <summary>Proposals per request at most.</summary>
    public int BatchSize { get; init; } = Runner.IngestBatchSize;

    /// <summary>Requests the service shed (429 or 503) and the client sent again, as DataHub's emitter does; their time is in <see cref="Request"/>.</summary>
    public int Retries { get; init; }
}

/// <summary>The estate's batches through the service's write path in the bench's process, on a fresh store of its own.</summary>
/// <param name="Batch">Milliseconds of each <c>MetadataWriter.ApplyAsync</c>.</param>
internal sealed record WritePathFloor(int Batches, double Seconds, double AspectsPerSecond, Latency Batch);

/// <summary>
/// Two services on one Neo4j server: A, which loaded the estate, and B, started afterwards with a data directory (and so
/// a search index and tokens) of its own. Each probe writes one new model on A with <c>ingestProposal</c>.
/// </summary>
/// <param name="CatchUpSeconds">From B answering /health until B's search counted every entity A loaded.</param>
/// <param name="WriteOnA">Milliseconds of each probe's write on A (read-your-writes on: A's own index has it).</param>
/// <param name="PollLag">From A's answer until B's search first found the model, polling every <see cref="PollEveryMs"/> ms.</param>
/// <param name="PollMissed">Polled probes B had not found after 30 s (not in <see cref="PollLag"/>).</param>
/// <param name="MinSequenceRead">Milliseconds of B's search sent with <c>X-Lineage-Min-Sequence</c> of A's <c>X-Lineage-Sequence</c>.</param>
/// <param name="FoundAtOnce">Of those reads, how many answered 200 with the model among the hits.</param>
/// <param name="Unavailable">Of those reads, how many answered 503 (B's index had not reached the sequence within its wait).</param>
internal sealed record CrossInstanceLag(
    int Probes,
    double CatchUpSeconds,
    Latency WriteOnA,
    int PollEveryMs,
    Latency? PollLag,
    int PollMissed,
    Latency MinSequenceRead,
    int FoundAtOnce,
    int Unavailable,
    Latency Floor);
