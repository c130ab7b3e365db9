namespace Lineage.Graph.Errors;

/// <summary>A read query ran past its configured time-out and was abandoned.</summary>
public sealed class QueryTimeoutException(string message) : LineageException(message);
