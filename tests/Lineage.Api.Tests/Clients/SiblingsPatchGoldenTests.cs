using System.Text.Json.Nodes;
using Lineage.Graph.Writing.Patch;

namespace Lineage.Api.Tests.Clients;

/// <summary>
/// test_siblings_patch.py's proposals (<c>Clients/Fixtures/patch/siblings_patch.json</c>) through DataHub's
/// SiblingsTemplate as Lineage applies it, through <see cref="KeyedPatch"/>, the code the writer calls for every PATCH
/// (the <c>siblings</c> aspect itself is registered since the Unity Catalog replay; these tests stay at this level).
/// </summary>
public sealed class SiblingsPatchGoldenTests
{
    private const string Seed = "urn:li:dataset:(urn:li:dataPlatform:dbt,seed,PROD)";
    private const string S = "urn:li:dataset:(urn:li:dataPlatform:dbt,test.model,PROD)";
    private const string S1 = "urn:li:dataset:(urn:li:dataPlatform:dbt,test.model1,PROD)";
    private const string S2 = "urn:li:dataset:(urn:li:dataPlatform:dbt,test.model2,PROD)";
    private const string S3 = "urn:li:dataset:(urn:li:dataPlatform:dbt,test.model3,PROD)";
    private const string Complex = "urn:li:dataset:(urn:li:dataPlatform:dbt,project.model_name,DEV)";

    private static readonly List<JsonNode> Operations = JsonNode
        .Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Clients", "Fixtures", "patch", "siblings_patch.json")))!
        .AsArray().Select(p => JsonNode.Parse(p!["aspect"]!["value"]!.GetValue<string>())!).ToList();

    // Each DataHub test builds its own proposal; each is applied to the same stored siblings.
    [Theory]
    [InlineData(0, $"""["{Seed}", "{S3}", "{S}"]""", false)] // test_add_sibling_patch
    [InlineData(1, $"""["{Seed}", "{S3}", "{S}"]""", true)] // test_add_sibling_patch_with_primary
    [InlineData(2, $"""["{Seed}", "{S3}"]""", false)] // test_remove_sibling_patch: an absent sibling, nothing changes
    [InlineData(3, $"""["{S1}", "{S2}"]""", true)] // test_set_siblings_patch: the list is replaced
    [InlineData(4, $"""["{Seed}", "{S1}", "{S2}"]""", true)] // test_multiple_sibling_operations
    [InlineData(5, $"""["{Seed}", "{S3}", "{Complex}"]""", false)] // test_sibling_patch_with_complex_urns
    public void each_golden_siblings_proposal_merges_into_the_stored_siblings(int test, string siblings, bool primary)
    {
        var stored = JsonNode.Parse($$"""{"siblings": ["{{Seed}}", "{{S3}}"], "primary": false}""")!.AsObject();

        var patched = KeyedPatch.Apply("siblings", stored, Operations[test].DeepClone(), 0);

        JsonNode.DeepEquals(patched, new JsonObject { ["siblings"] = JsonNode.Parse(siblings), ["primary"] = primary })
            .ShouldBeTrue(patched.ToJsonString());
    }

    [Fact]
    public void a_sibling_added_to_an_entity_without_siblings_starts_from_datahubs_default()
    {
        var patched = KeyedPatch.Apply("siblings", null, Operations[0].DeepClone(), 0);

        JsonNode.DeepEquals(patched, JsonNode.Parse($$"""{"siblings": ["{{S}}"], "primary": false}""")).ShouldBeTrue(patched.ToJsonString());
    }
}
