namespace Lineage.Graph.Errors;

/// <summary>The data directory cannot be used: it cannot be created or written, or another Lineage process holds it.</summary>
public sealed class DataDirectoryException(string directory, string reason, bool inUse, Exception? inner = null)
    : LineageException($"data directory {directory}: {reason}", inner)
{
    /// <summary>The directory, as an absolute path.</summary>
    public string Directory { get; } = directory;

    /// <summary>What is wrong, without the path, e.g. <c>Read-only file system</c>.</summary>
    public string Reason { get; } = reason;

    /// <summary>True when another process holds the directory; false when it cannot be created or written.</summary>
    public bool InUse { get; } = inUse;
}
