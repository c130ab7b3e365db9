namespace Lineage.Api.Consistency;

/// <summary>How long requests wait for this instance's search index (configuration section <c>Lineage:Consistency</c>).</summary>
public sealed class ConsistencyOptions
{
    public const string Section = "Lineage:Consistency";

    /// <summary>
    /// Whether a write is acknowledged only once this instance's search index reflects it. On by default; off trades
    /// that for ingest rate (BENCHMARKS.md has both), and search then trails writes by up to a poll.
    /// </summary>
    public bool ReadYourWrites { get; set; } = true;

    /// <summary>How long a read sending <c>X-Lineage-Min-Sequence</c> waits for the index before a 503.</summary>
    public TimeSpan MinSequenceWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a write's acknowledgement waits for the index to reflect it. Only a failing index takes this long (an
    /// index replaying a long feed is not waited for at all); the write is committed either way and is acknowledged,
    /// with a warning in the log.
    /// </summary>
    public TimeSpan AcknowledgeWait { get; set; } = TimeSpan.FromSeconds(10);
}
