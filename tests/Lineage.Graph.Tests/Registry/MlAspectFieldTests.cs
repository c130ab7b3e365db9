using Lineage.Graph.Registry;

namespace Lineage.Graph.Tests.Registry;

/// <summary>The aspects' field names and required flags, as model.md §2 lists them.</summary>
public sealed class MlAspectFieldTests
{
    private static readonly MetadataRegistry Registry = MetadataRegistry.Default;

    private static RecordType Schema(string aspect) =>
        (Registry.Aspect(aspect) ?? throw new InvalidOperationException($"no aspect {aspect}")).Schema;

    private static void ShouldHaveOptionalFields(string aspect, params string[] names)
    {
        var schema = Schema(aspect);
        foreach (var name in names)
        {
            var field = schema.Field(name);
            field.ShouldNotBeNull($"{aspect} should have {name}");
            field.Required.ShouldBeFalse($"{aspect}.{name} should be optional");
        }
    }

    [Fact]
    public void ml_feature_properties_fields_are_all_optional()
    {
        ShouldHaveOptionalFields("mlFeatureProperties", "description", "dataType", "version", "sources", "customProperties");
        Schema("mlFeatureProperties").Fields.ShouldAllBe(f => !f.Required);
    }

    [Fact]
    public void ml_primary_key_properties_require_sources()
    {
        ShouldHaveOptionalFields("mlPrimaryKeyProperties", "description", "dataType", "version");
        Schema("mlPrimaryKeyProperties").Field("sources")!.Required.ShouldBeTrue();
    }

    [Fact]
    public void ml_feature_table_properties_fields_are_all_optional()
    {
        ShouldHaveOptionalFields("mlFeatureTableProperties", "description", "mlFeatures", "mlPrimaryKeys", "customProperties");
        Schema("mlFeatureTableProperties").Fields.ShouldAllBe(f => !f.Required);
    }

    [Fact]
    public void ml_model_properties_have_every_field_model_md_lists_all_optional()
    {
        ShouldHaveOptionalFields("mlModelProperties",
            "name", "description", "date", "created", "lastModified", "version", "type", "hyperParameters",
            "hyperParams", "trainingMetrics", "onlineMetrics", "mlFeatures", "tags", "deployments", "groups",
            "trainingJobs", "downstreamJobs", "externalUrl", "customProperties");
        Schema("mlModelProperties").Fields.ShouldAllBe(f => !f.Required);
    }

    [Theory]
    [InlineData("hyperParams[].name")]
    [InlineData("trainingMetrics[].name")]
    [InlineData("onlineMetrics[].name")]
    public void hyper_params_and_metrics_require_a_name(string path)
    {
        SchemaPath.Field(Schema("mlModelProperties"), path).Required.ShouldBeTrue();
        var record = (RecordType)((ArrayType)Schema("mlModelProperties").Field(path.Split("[]")[0])!.Type).Items;
        record.Fields.Where(f => f.Name != "name").ShouldAllBe(f => !f.Required);
        record.Fields.Select(f => f.Name).ShouldBe(["name", "description", "value", "createdAt"], ignoreOrder: true);
    }

    [Fact]
    public void hyper_parameters_map_to_a_union_of_string_number_and_boolean()
    {
        var map = Schema("mlModelProperties").Field("hyperParameters")!.Type.ShouldBeOfType<MapType>();
        var union = map.Values.ShouldBeOfType<UnionType>();

        union.Members.Select(m => m.Key).ShouldBe(["string", "int", "float", "double", "boolean"]);
    }

    [Theory]
    [InlineData("mlModelProperties", "created")]
    [InlineData("mlModelProperties", "lastModified")]
    [InlineData("mlModelGroupProperties", "created")]
    [InlineData("mlModelGroupProperties", "lastModified")]
    public void created_and_last_modified_are_time_stamps_with_an_optional_actor(string aspect, string field)
    {
        var stamp = Schema(aspect).Field(field)!.Type.ShouldBeOfType<RecordType>();

        stamp.Field("time")!.Required.ShouldBeTrue();
        stamp.Field("actor")!.Required.ShouldBeFalse();
    }

    [Fact]
    public void ml_model_group_properties_have_every_field_model_md_lists_all_optional()
    {
        ShouldHaveOptionalFields("mlModelGroupProperties",
            "name", "description", "createdAt", "created", "lastModified", "version", "trainingJobs",
            "downstreamJobs", "externalUrl", "customProperties");
        Schema("mlModelGroupProperties").Fields.ShouldAllBe(f => !f.Required);
    }

    [Theory]
    [InlineData("editableMlModelProperties")]
    [InlineData("editableMlModelGroupProperties")]
    [InlineData("editableMlFeatureProperties")]
    [InlineData("editableMlFeatureTableProperties")]
    [InlineData("editableMlPrimaryKeyProperties")]
    public void editable_ml_properties_hold_an_optional_description(string aspect)
    {
        Schema(aspect).Fields.Select(f => f.Name).ShouldBe(["description"]);
        ShouldHaveOptionalFields(aspect, "description");
    }

    [Fact]
    public void version_properties_have_every_field_model_md_lists()
    {
        ShouldHaveOptionalFields("versionProperties", "versionSet", "version", "aliases", "comment", "sortId");
        SchemaPath.Field(Schema("versionProperties"), "aliases[].versionTag").Required.ShouldBeFalse();
    }

    [Fact]
    public void deprecation_requires_deprecated_note_and_actor()
    {
        var schema = Schema("deprecation");

        schema.Fields.Where(f => f.Required).Select(f => f.Name).ShouldBe(["deprecated", "note", "actor"], ignoreOrder: true);
        ShouldHaveOptionalFields("deprecation", "decommissionTime", "replacement");
    }

    [Fact]
    public void ownership_requires_an_owner_in_each_entry_and_accepts_what_the_sdk_sends()
    {
        var schema = Schema("ownership");

        SchemaPath.Field(schema, "owners[].owner").Required.ShouldBeTrue();
        SchemaPath.Field(schema, "owners[].typeUrn").Required.ShouldBeFalse();
        schema.Field("owners")!.Required.ShouldBeTrue();
        ShouldHaveOptionalFields("ownership", "ownerTypes", "lastModified");
        SchemaPath.Field(schema, "owners[].type").Type.ShouldBeOfType<EnumType>().Symbols.ShouldBe(
            ["CUSTOM", "TECHNICAL_OWNER", "BUSINESS_OWNER", "DATA_STEWARD", "NONE", "DEVELOPER", "DATAOWNER",
             "DELEGATE", "PRODUCER", "CONSUMER", "STAKEHOLDER"],
            ignoreOrder: true);
    }

    [Theory]
    [InlineData("mlFeatureProperties")]
    [InlineData("mlPrimaryKeyProperties")]
    public void a_feature_or_primary_key_data_type_is_one_of_the_reference_symbols(string aspect) =>
        SchemaPath.Field(Schema(aspect), "dataType").Type.ShouldBeOfType<EnumType>().Symbols.ShouldBe(
            ["USELESS", "NOMINAL", "ORDINAL", "BINARY", "COUNT", "TIME", "INTERVAL", "IMAGE", "VIDEO", "AUDIO",
             "TEXT", "MAP", "SEQUENCE", "SET", "CONTINUOUS", "BYTE", "UNKNOWN"],
            ignoreOrder: true);

    [Theory]
    [InlineData("glossaryTerms", "terms[].urn")]
    [InlineData("globalTags", "tags[].tag")]
    [InlineData("institutionalMemory", "elements[].url")]
    [InlineData("browsePathsV2", "path[].id")]
    [InlineData("structuredProperties", "properties[].propertyUrn")]
    [InlineData("testResults", "failing[].type")]
    public void common_aspects_require_what_the_pdl_requires(string aspect, string path)
    {
        SchemaPath.Field(Schema(aspect), path).Required.ShouldBeTrue();
    }

    [Fact]
    public void structured_property_values_are_a_wrapped_union_of_string_and_double()
    {
        var values = SchemaPath.Field(Schema("structuredProperties"), "properties[].values").Type.ShouldBeOfType<ArrayType>();

        values.Items.ShouldBeOfType<UnionType>().Members.Select(m => m.Key).ShouldBe(["string", "double"]);
    }
}
