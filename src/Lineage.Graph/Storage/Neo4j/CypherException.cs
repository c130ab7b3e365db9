using Lineage.Graph.Errors;

namespace Lineage.Graph.Storage.Neo4j;

/// <summary>Neo4j refused a statement for a reason retrying will not fix (a bug in a query, a broken constraint).</summary>
public sealed class CypherException(string code, string message, string statement)
    : LineageException($"Neo4j failed statement '{statement}': {code}: {message}")
{
    /// <summary>Neo4j's status code, e.g. <c>Neo.ClientError.Schema.ConstraintValidationFailed</c>.</summary>
    public string Code { get; } = code;
}
