using System.Reflection;
using System.Text.RegularExpressions;
using Lineage.Graph.Registry;
using Lineage.Graph.Storage.Neo4j;
using Lineage.Graph.Urns;

namespace Lineage.Graph.Tests.Neo4j;

/// <summary>Every statement in cypher/ is used, every name the store uses exists, and the typed branches cover the model.</summary>
public sealed class CypherCatalogTests
{
    private static IEnumerable<string> NamesTheStoreUses() =>
        typeof(CypherNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Concat(CypherNames.Schema.SelectMany(s => new[] { CypherNames.SchemaFor(s, 3), CypherNames.SchemaFor(s, 5) }));

    /// <summary>
    /// The API's own statements — tokens (cypher/auth/, schema/*/auth-*) and webhooks (cypher/webhooks/,
    /// schema/*/webhook-*): Lineage.Api.Tests checks that its adapters use each.
    /// </summary>
    private static bool IsApiStatement(string name) =>
        name.StartsWith("auth/", StringComparison.Ordinal) || name.Split('/')[^1].StartsWith("auth-", StringComparison.Ordinal)
        || name.StartsWith("webhooks/", StringComparison.Ordinal) || name.Split('/')[^1].StartsWith("webhook-", StringComparison.Ordinal);

    [Fact]
    public void every_file_in_cypher_is_used_and_every_name_used_has_a_file()
    {
        CypherCatalog.Names.Where(n => !IsApiStatement(n)).Order().ShouldBe(NamesTheStoreUses().Distinct().Order());
    }

    [Fact]
    public void every_file_starts_with_a_header_comment_and_uses_no_text_substitution()
    {
        foreach (var name in CypherCatalog.Names)
        {
            var text = CypherCatalog.Get(name);
            text.TrimStart().ShouldStartWith("//", customMessage: name);
            text.ShouldNotContain("{0}", customMessage: name);
            text.ShouldNotContain("%s", customMessage: name);
        }
    }

    [Fact]
    public void edge_creation_has_a_branch_for_every_relationship_the_registry_declares()
    {
        var text = CypherCatalog.Get(CypherNames.CreateEdges);
        foreach (var relationship in MetadataRegistry.Default.Relationships().Select(r => r.Name).Distinct())
            text.ShouldContain($"edge.type = '{relationship}'", customMessage: relationship);
    }

    [Fact]
    public void the_edges_among_a_set_expand_every_relationship_type_that_carries_lineage()
    {
        // Column edges are DownstreamOf, which no annotation gives (Relationships/ColumnEdges).
        var lineage = MetadataRegistry.Default.Relationships().Where(r => r.Lineage != LineageRole.None).Select(r => r.Name)
            .Append("DownstreamOf").Distinct().Order().ToList();
        var patterns = Regex.Matches(CypherCatalog.Get(CypherNames.EdgesAmong), @"\[r:([A-Za-z|]+)\]");
        patterns.Count.ShouldBe(2);
        foreach (Match pattern in patterns)
            pattern.Groups[1].Value.Split('|').Order().ShouldBe(lineage);
    }

    [Fact]
    public void labelling_has_a_branch_for_every_entity_type()
    {
        var text = CypherCatalog.Get(CypherNames.LabelEntities);
        foreach (var type in EntityKeys.All.Select(k => k.EntityType))
            text.ShouldContain($"e.entityType = '{type}' THEN [1] ELSE [] END | SET e:{char.ToUpperInvariant(type[0])}{type[1..]})", customMessage: type);
    }

    [Fact]
    public void asking_for_a_statement_that_does_not_exist_fails_loudly()
    {
        Should.Throw<InvalidOperationException>(() => CypherCatalog.Get("read/nothing-here")).Message.ShouldContain("read/nothing-here");
    }
}
