using System.Reflection;
using Lineage.Api.Changes.Webhooks.Persistence;
using Lineage.Graph.Storage.Neo4j;

namespace Lineage.Api.Tests.Changes;

/// <summary>The webhook statements in cypher/ are exactly the ones the Neo4j webhook adapter runs.</summary>
public sealed class WebhookCypherTests
{
    [Fact]
    public void every_webhook_statement_in_cypher_is_used_and_every_one_used_has_a_file()
    {
        var used = typeof(WebhookCypher).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Concat(WebhookCypher.Schema.SelectMany(s => new[] { CypherCatalog.SchemaFor(s, 3), CypherCatalog.SchemaFor(s, 5) }));
        var files = CypherCatalog.Names.Where(n => n.StartsWith("webhooks/", StringComparison.Ordinal) || n.Split('/')[^1].StartsWith("webhook-", StringComparison.Ordinal));

        files.Order().ShouldBe(used.Order());
    }
}
