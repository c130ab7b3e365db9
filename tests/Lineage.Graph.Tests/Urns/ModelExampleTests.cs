using Lineage.Graph.Urns;

namespace Lineage.Graph.Tests.Urns;

/// <summary>Every example URN of model.md §1.</summary>
public sealed class ModelExampleTests
{
    public static TheoryData<string, string> Examples => new()
    {
        { "urn:li:mlFeature:(my-feature-table,my-feature)", "mlFeature" },
        { "urn:li:mlFeatureTable:(urn:li:dataPlatform:feast,my-feature-table)", "mlFeatureTable" },
        { "urn:li:mlModel:(urn:li:dataPlatform:science,scienceModel,PROD)", "mlModel" },
        { "urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,recommendation-models,PROD)", "mlModelGroup" },
        { "urn:li:mlPrimaryKey:(users,user_id)", "mlPrimaryKey" },
        { "urn:li:dataset:(urn:li:dataPlatform:hive,fct_users_deleted,PROD)", "dataset" },
        { "urn:li:dataFlow:(airflow,train_recommendation_model,PROD)", "dataFlow" },
        { "urn:li:dataJob:(urn:li:dataFlow:(airflow,train_recommendation_model,PROD),training_task)", "dataJob" },
        { "urn:li:dataProcessInstance:run-42", "dataProcessInstance" },
        { "urn:li:dataPlatform:mlflow", "dataPlatform" },
        { "urn:li:dataPlatformInstance:(urn:li:dataPlatform:mlflow,eu-registry)", "dataPlatformInstance" },
        { "urn:li:corpuser:data_science_team", "corpuser" },
        { "urn:li:tag:production-ready", "tag" },
        { "urn:li:glossaryTerm:Recommendation", "glossaryTerm" },
        { "urn:li:domain:marketing", "domain" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void every_example_urn_of_the_model_parses_and_prints_back_unchanged(string text, string entityType)
    {
        var urn = Urn.Parse(text);

        urn.ToString().ShouldBe(text);
        urn.EntityType.ShouldBe(entityType);
        urn.Spec.ShouldBeSameAs(EntityKeys.Find(entityType));
        urn.Parts.Count.ShouldBe(urn.Spec.Parts.Count);
    }

    [Theory]
    [InlineData("urn:li:container:0a1b2c3d4e5f")]
    [InlineData("urn:li:application:recsys")]
    [InlineData("urn:li:test:freshness")]
    [InlineData("urn:li:form:ml-model-card")]
    [InlineData("urn:li:structuredProperty:io.acryl.privacy.retentionTime")]
    [InlineData("urn:li:ownershipType:__system__technical_owner")]
    [InlineData("urn:li:corpGroup:data-science")]
    [InlineData("urn:li:glossaryNode:Ml")]
    [InlineData("urn:li:dataProduct:recommendations")]
    [InlineData("urn:li:versionSet:(recs-model,mlModel)")]
    [InlineData("urn:li:mlModelDeployment:(urn:li:dataPlatform:sagemaker,recs-endpoint,PROD)")]
    [InlineData("urn:li:chart:(looker,dashboards.thelook::customer_lookup)")]
    [InlineData("urn:li:dashboard:(looker,42)")]
    [InlineData("urn:li:telemetry:clientId")]
    [InlineData("urn:li:schemaField:(urn:li:dataset:(urn:li:dataPlatform:hive,users,PROD),user_id)")]
    public void the_other_id_keyed_and_tuple_keyed_types_parse_too(string text) =>
        Urn.Parse(text).ToString().ShouldBe(text);

    [Theory]
    [InlineData("urn:li:tag:dbt:bar", "dbt:bar")]
    [InlineData("urn:li:tag::", ":")]
    [InlineData("urn:li:corpuser:foo:bar@example.com", "foo:bar@example.com")]
    [InlineData("urn:li:dataPlatform:abc:def", "abc:def")]
    public void a_single_part_key_is_everything_after_the_third_colon(string text, string key)
    {
        var urn = Urn.Parse(text);

        urn.Parts.ShouldBe([key]);
        urn.ToString().ShouldBe(text);
    }
}
