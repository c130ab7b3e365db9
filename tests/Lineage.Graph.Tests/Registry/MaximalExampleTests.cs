using System.Text.Json.Nodes;
using Lineage.Graph.Registry;
using Lineage.Graph.Tests.Registry.Examples;
using Lineage.Graph.Validation;

namespace Lineage.Graph.Tests.Registry;

/// <summary>
/// Every aspect of the registry accepts a value that sets every field of its PDL in DataHub's encoding (the store
/// round trip of the same examples is <see cref="StoreContract.AspectRoundTripContract{TFixture}"/>).
/// </summary>
public sealed class MaximalExampleTests
{
    private static readonly MetadataRegistry Registry = MetadataRegistry.Default;

    public static TheoryData<string> Aspects => [.. MaximalExamples.All.Keys.Order(StringComparer.Ordinal)];

    private static AspectSpec Spec(string aspect) =>
        Registry.Aspect(aspect) ?? throw new InvalidOperationException($"the registry has no aspect {aspect}");

    [Fact]
    public void every_aspect_of_the_registry_has_a_maximal_example()
    {
        var declared = Registry.Aspects.Where(a => !a.IsKey).Select(a => a.Name).Order(StringComparer.Ordinal);

        MaximalExamples.All.Keys.Order(StringComparer.Ordinal).ShouldBe(declared);
    }

    [Theory]
    [MemberData(nameof(Aspects))]
    public void the_maximal_example_is_accepted(string aspect)
    {
        var value = JsonNode.Parse(MaximalExamples.All[aspect].Json);

        Should.NotThrow(() => AspectValidator.Validate(Spec(aspect), value));
    }

    [Theory]
    [MemberData(nameof(Aspects))]
    public void the_maximal_example_sets_every_field_of_the_schema(string aspect)
    {
        var value = JsonNode.Parse(MaximalExamples.All[aspect].Json)!;

        FieldCoverage.Unset(Spec(aspect).Schema, value).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Aspects))]
    public void the_example_names_an_entity_type_that_accepts_the_aspect(string aspect)
    {
        var example = MaximalExamples.All[aspect];

        if (example.EntityType is { } entityType)
            Registry.AspectOf(entityType, aspect).ShouldNotBeNull($"{entityType} should accept {aspect}");
        else
            Registry.Entities.Where(e => e.AspectNames.Contains(aspect)).ShouldBeEmpty($"name an entity type for {aspect}");
    }

    [Fact]
    public void the_coverage_check_finds_a_field_the_value_leaves_out()
    {
        var value = JsonNode.Parse("""{"owners": [{"owner": "urn:li:corpuser:ada", "type": "NONE"}]}""")!;

        FieldCoverage.Unset(Spec("ownership").Schema, value)
            .ShouldBe(["Owner.attribution", "Owner.source", "Owner.typeUrn", "Ownership.lastModified", "Ownership.ownerTypes"]);
    }
}
