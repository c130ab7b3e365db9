using System.Reflection;
using Lineage.Api.Auth.Persistence;
using Lineage.Graph.Storage.Neo4j;

namespace Lineage.Api.Tests.Auth.Persistence;

/// <summary>The token statements in cypher/ are exactly the ones the Neo4j token adapter runs (the graph store's are checked in Lineage.Graph.Tests).</summary>
public sealed class TokenCypherTests
{
    [Fact]
    public void every_token_statement_in_cypher_is_used_and_every_one_used_has_a_file()
    {
        var used = typeof(TokenCypher).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Concat(TokenCypher.Schema.SelectMany(s => new[] { CypherCatalog.SchemaFor(s, 3), CypherCatalog.SchemaFor(s, 5) }));
        var files = CypherCatalog.Names.Where(n => n.StartsWith("auth/", StringComparison.Ordinal) || n.Split('/')[^1].StartsWith("auth-", StringComparison.Ordinal));

        files.Order().ShouldBe(used.Order());
    }
}
