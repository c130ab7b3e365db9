using System.Text.Json.Nodes;
using Lineage.Graph.Errors;
using Lineage.Graph.Registry;
using Lineage.Graph.Validation;

namespace Lineage.Graph.Tests.Validation;

/// <summary>The Pegasus encodings DataHub clients send, and the URNs a plain PDL <c>Urn</c> field takes.</summary>
public sealed class AspectValidatorTests
{
    private static readonly MetadataRegistry Registry = MetadataRegistry.Default;

    private static void Accept(string aspect, string json) =>
        Should.NotThrow(() => AspectValidator.Validate(Registry.Aspect(aspect)!, JsonNode.Parse(json)));

    private static ValidationException Reject(string aspect, string json) =>
        Should.Throw<ValidationException>(() => AspectValidator.Validate(Registry.Aspect(aspect)!, JsonNode.Parse(json)));

    [Theory]
    [InlineData("""{"hyperParameters": {"lr": {"double": 0.1}}}""")]
    [InlineData("""{"hyperParameters": {"epochs": {"int": 10}}}""")]
    [InlineData("""{"hyperParameters": {"optimizer": {"string": "adam"}}}""")]
    [InlineData("""{"hyperParameters": {"shuffle": {"boolean": true}}}""")]
    [InlineData("""{"hyperParameters": {"lr": 0.1, "optimizer": "adam"}}""")]
    public void a_union_value_is_accepted_wrapped_by_its_member_or_bare(string json) => Accept("mlModelProperties", json);

    [Fact]
    public void a_union_wrapped_by_a_member_it_does_not_have_is_rejected()
    {
        var error = Reject("mlModelProperties", """{"hyperParameters": {"lr": {"long": 1}}}""");

        error.Path.ShouldBe("mlModelProperties.hyperParameters[\"lr\"]");
    }

    [Fact]
    public void a_union_member_that_is_a_record_is_wrapped_by_its_full_class_name()
    {
        Accept("schemaMetadata", """
            {"schemaName": "t", "platform": "urn:li:dataPlatform:hive", "version": 0, "hash": "",
             "platformSchema": {"com.linkedin.schema.Schemaless": {}},
             "fields": [{"fieldPath": "a", "type": {"type": {"com.linkedin.schema.NumberType": {}}}, "nativeDataType": "int"}]}
            """);
        Reject("schemaMetadata", """
            {"schemaName": "t", "platform": "urn:li:dataPlatform:hive", "version": 0, "hash": "",
             "platformSchema": {"com.linkedin.schema.OracleDDL": {}}, "fields": []}
            """).Path.ShouldBe("schemaMetadata.platformSchema.com.linkedin.schema.OracleDDL.tableSchema");
    }

    [Fact]
    public void an_explicit_null_for_an_optional_field_is_accepted() =>
        Accept("mlModelProperties", """{"name": "m", "description": null}""");

    [Theory]
    [InlineData("upstreamLineage", """{"upstreams": [{"dataset": "urn:li:dataset:(urn:li:dataPlatform:hive,t,PROD)", "type": "COPY", "query": "urn:li:query:abc"}]}""")]
    [InlineData("corpUserEditableInfo", """{"persona": "urn:li:dataHubPersona:technicalUser"}""")]
    [InlineData("globalTags", """{"tags": [{"tag": "urn:li:tag:t", "attribution": {"time": 0, "actor": "urn:li:corpuser:datahub", "source": "urn:li:dataHubAction:propagation"}}]}""")]
    public void a_plain_urn_field_takes_an_entity_type_lineage_has_no_key_for(string aspect, string json) => Accept(aspect, json);

    [Theory]
    [InlineData("""{"query": "urn:li:dataset:(urn:li:dataPlatform:hive,t,PROD"}""", "malformed urn")]
    [InlineData("""{"query": "urn:li:query:"}""", "malformed urn")]
    [InlineData("""{"query": "query:abc"}""", "malformed urn")]
    public void a_plain_urn_field_still_checks_the_syntax(string upstream, string reason)
    {
        var json = $$"""{"upstreams": [{"dataset": "urn:li:dataset:(urn:li:dataPlatform:hive,t,PROD)", "type": "COPY", {{upstream[1..^1]}}}]}""";

        var error = Reject("upstreamLineage", json);

        error.Path.ShouldBe("upstreamLineage.upstreams[0].query");
        error.Reason.ShouldContain(reason);
    }

    [Fact]
    public void a_typed_urn_field_rejects_an_entity_type_lineage_has_no_key_for()
    {
        var error = Reject("mlModelProperties", """{"groups": ["urn:li:query:abc"]}""");

        error.Path.ShouldBe("mlModelProperties.groups[0]");
    }

    [Fact]
    public void a_referenced_urn_is_checked_for_syntax_and_type_but_not_for_its_key_parts() =>
        Accept("mlModelProperties", """
            {"deployments": ["urn:li:mlModelDeployment:(sagemaker,arn:aws:sagemaker:us-west-2:123412341234:endpoint/a-deployment,PROD)"],
             "groups": ["urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,g,NOT_A_FABRIC)"]}
            """);

    [Fact]
    public void a_referenced_urn_of_a_type_the_field_does_not_allow_is_still_rejected()
    {
        var error = Reject("mlModelProperties", """{"deployments": ["urn:li:mlModelGroup:(sagemaker,x,PROD)"]}""");

        error.Path.ShouldBe("mlModelProperties.deployments[0]");
        error.Reason.ShouldContain("expected an mlModelDeployment urn");
    }
}
