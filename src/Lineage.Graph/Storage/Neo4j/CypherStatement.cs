using System.Text.Json.Nodes;

namespace Lineage.Graph.Storage.Neo4j;

/// <summary>One Cypher statement from <c>cypher/</c> with its parameters.</summary>
public sealed record CypherStatement(string Name, string Text, JsonObject Parameters);

/// <summary>The rows one statement returned, each a JSON array in column order.</summary>
public sealed record CypherResult(IReadOnlyList<string> Columns, IReadOnlyList<JsonArray> Rows);
