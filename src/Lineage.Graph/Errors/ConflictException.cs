namespace Lineage.Graph.Errors;

/// <summary>A conditional write (CREATE, If-Version-Match) found the stored state other than expected; nothing was written.</summary>
public sealed class ConflictException(string path, string reason, bool preconditionFailed, int? operationIndex = null)
    : LineageException(string.IsNullOrEmpty(path) ? reason : $"{path}: {reason}")
{
    /// <summary>Where the conflict is, e.g. <c>proposals[0]</c>.</summary>
    public string Path { get; } = path;

    /// <summary>What the conflict is, without the path.</summary>
    public string Reason { get; } = reason;

    /// <summary>True for a failed If-Version-Match (412); false for CREATE of an existing aspect (409).</summary>
    public bool PreconditionFailed { get; } = preconditionFailed;

    /// <summary>The index of the failing operation in the batch handed to the store, so callers can name their own input.</summary>
    public int? OperationIndex { get; } = operationIndex;
}
