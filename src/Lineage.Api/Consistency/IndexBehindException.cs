namespace Lineage.Api.Consistency;

/// <summary>This instance's search index had not applied the sequence a read asked for within the wait.</summary>
public sealed class IndexBehindException(long wanted, long applied, TimeSpan waited) : Exception(
    $"this instance's search index has applied the change feed up to {applied}, not yet {wanted} ({SequenceHeaders.MinSequence}), " +
    $"after waiting {waited.TotalSeconds:0.#} s ({ConsistencyOptions.Section}:MinSequenceWait); retry, or ask another instance")
{
    public long Wanted { get; } = wanted;

    public long Applied { get; } = applied;
}
