namespace Lineage.Graph.Errors;

/// <summary>The entity or aspect asked for does not exist.</summary>
public sealed class NotFoundException(string message) : LineageException(message);
