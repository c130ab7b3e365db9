namespace Lineage.Graph.Storage;

/// <summary>What one operation of a batch did.</summary>
/// <param name="Revision">The aspect's revision after the write (0 when it is absent).</param>
/// <param name="Sequence">The change-feed sequence number of the change, or null when nothing changed.</param>
public sealed record WriteOutcome(string Urn, string? Aspect, WriteEffect Effect, long Revision, long? Sequence);

/// <summary>The effect of one operation.</summary>
public enum WriteEffect
{
    Created,
    Updated,
    Unchanged,
    Deleted,
    Skipped,
}
