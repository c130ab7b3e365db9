namespace Lineage.Graph.Errors;

/// <summary>The root of every error Lineage raises on purpose; the API maps each subclass to one status code.</summary>
public abstract class LineageException(string message, Exception? inner = null) : Exception(message, inner);
