using Lineage.Graph.Urns;

namespace Lineage.Graph.Tests.Urns;

public sealed class EntityKeysTests
{
    [Fact]
    public void an_entity_type_is_found_by_its_exact_name_only()
    {
        EntityKeys.Find("mlModel")!.KeyAspectName.ShouldBe("mlModelKey");
        EntityKeys.Find("corpuser")!.KeyAspectClass.ShouldBe("com.linkedin.metadata.key.CorpUserKey");
        EntityKeys.Find("mlmodel").ShouldBeNull();
        EntityKeys.Find("dataHubPolicy").ShouldBeNull();
    }

    [Fact]
    public void every_entity_type_appears_once_with_a_name_field_among_its_parts()
    {
        EntityKeys.All.Select(s => s.EntityType).ShouldBeUnique();
        foreach (var spec in EntityKeys.All)
        {
            spec.Parts.ShouldNotBeEmpty(spec.EntityType);
            spec.Parts.Select(p => p.Name).ShouldBeUnique(spec.EntityType);
            if (spec.NameField is { } nameField)
            {
                spec.IndexOf(nameField).ShouldBeGreaterThanOrEqualTo(0, spec.EntityType);
            }
        }
    }

    [Fact]
    public void every_key_aspect_name_is_its_class_name_with_a_lower_case_start()
    {
        foreach (var spec in EntityKeys.All)
        {
            var className = spec.KeyAspectClass[(spec.KeyAspectClass.LastIndexOf('.') + 1)..];
            className.ToLowerInvariant().ShouldBe(spec.KeyAspectName.ToLowerInvariant(), spec.EntityType);
            spec.KeyAspectName.ShouldEndWith("Key");
            char.IsLower(spec.KeyAspectName[0]).ShouldBeTrue(spec.EntityType);
        }
    }

    [Fact]
    public void every_nested_urn_part_names_a_known_entity_type()
    {
        var nested = EntityKeys.All.SelectMany(s => s.Parts).Where(p => p.Kind == KeyPartKind.Urn).ToList();

        nested.ShouldNotBeEmpty();
        foreach (var part in nested.Where(p => p.UrnEntityType is not null))
        {
            EntityKeys.Find(part.UrnEntityType!).ShouldNotBeNull(part.Name);
        }
    }

    [Fact]
    public void the_ml_entities_have_the_keys_datahub_gives_them()
    {
        Fields("mlFeature").ShouldBe(["featureNamespace", "name"]);
        Fields("mlFeatureTable").ShouldBe(["platform", "name"]);
        Fields("mlModel").ShouldBe(["platform", "name", "origin"]);
        Fields("mlModelGroup").ShouldBe(["platform", "name", "origin"]);
        Fields("mlPrimaryKey").ShouldBe(["featureNamespace", "name"]);
        Fields("dataJob").ShouldBe(["flow", "jobId"]);
        Fields("versionSet").ShouldBe(["id", "entityType"]);
        EntityKeys.Find("mlModel")!.Parts[2].Kind.ShouldBe(KeyPartKind.Fabric);
        EntityKeys.Find("dataFlow")!.Parts[2].Kind.ShouldBe(KeyPartKind.Text);
    }

    [Theory]
    [InlineData("PROD", true)]
    [InlineData("NON_PROD", true)]
    [InlineData("SANDBOX", true)]
    [InlineData("prod", false)]
    [InlineData("Prod", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void fabric_types_are_case_sensitive(string? value, bool valid) =>
        FabricType.IsValid(value).ShouldBe(valid);

    private static string[] Fields(string entityType) =>
        EntityKeys.Find(entityType)!.Parts.Select(p => p.Name).ToArray();
}
