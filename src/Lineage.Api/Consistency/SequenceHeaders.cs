namespace Lineage.Api.Consistency;

/// <summary>The headers that let a reader see a write: the write's sequence out, the reader's minimum in.</summary>
public static class SequenceHeaders
{
    /// <summary>On every write's answer: the change-feed sequence a reader must reach to see the write.</summary>
    public const string Sequence = "X-Lineage-Sequence";

    /// <summary>On a read: answer only once this instance's search index has applied this sequence.</summary>
    public const string MinSequence = "X-Lineage-Min-Sequence";

    /// <summary>
    /// DataHub's clients send this (as a header, or in a proposal's <c>headers</c>) for a write that must be
    /// searchable when acknowledged. Every write here is, so it needs no handling of its own.
    /// </summary>
    public const string DataHubSyncIndexUpdate = "X-DataHub-Sync-Index-Update";
}
