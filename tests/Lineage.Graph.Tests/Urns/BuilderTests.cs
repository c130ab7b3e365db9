using Lineage.Graph.Errors;
using Lineage.Graph.Urns;

namespace Lineage.Graph.Tests.Urns;

public sealed class BuilderTests
{
    [Fact]
    public void the_builders_write_the_model_examples()
    {
        UrnBuilders.MlFeature("my-feature-table", "my-feature").ToString()
            .ShouldBe("urn:li:mlFeature:(my-feature-table,my-feature)");
        UrnBuilders.MlFeatureTable("feast", "my-feature-table").ToString()
            .ShouldBe("urn:li:mlFeatureTable:(urn:li:dataPlatform:feast,my-feature-table)");
        UrnBuilders.MlModel("science", "scienceModel").ToString()
            .ShouldBe("urn:li:mlModel:(urn:li:dataPlatform:science,scienceModel,PROD)");
        UrnBuilders.MlModelGroup("mlflow", "recommendation-models").ToString()
            .ShouldBe("urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,recommendation-models,PROD)");
        UrnBuilders.MlPrimaryKey("users", "user_id").ToString().ShouldBe("urn:li:mlPrimaryKey:(users,user_id)");
        UrnBuilders.MlModelDeployment("sagemaker", "recs", "DEV").ToString()
            .ShouldBe("urn:li:mlModelDeployment:(urn:li:dataPlatform:sagemaker,recs,DEV)");
        UrnBuilders.Dataset("hive", "fct_users_deleted").ToString()
            .ShouldBe("urn:li:dataset:(urn:li:dataPlatform:hive,fct_users_deleted,PROD)");
        UrnBuilders.DataFlow("airflow", "train_recommendation_model").ToString()
            .ShouldBe("urn:li:dataFlow:(airflow,train_recommendation_model,PROD)");
        UrnBuilders.DataJob(UrnBuilders.DataFlow("airflow", "train_recommendation_model"), "training_task").ToString()
            .ShouldBe("urn:li:dataJob:(urn:li:dataFlow:(airflow,train_recommendation_model,PROD),training_task)");
        UrnBuilders.DataProcessInstance("run-42").ToString().ShouldBe("urn:li:dataProcessInstance:run-42");
        UrnBuilders.DataPlatform("mlflow").ToString().ShouldBe("urn:li:dataPlatform:mlflow");
        UrnBuilders.DataPlatformInstance("mlflow", "eu-registry").ToString()
            .ShouldBe("urn:li:dataPlatformInstance:(urn:li:dataPlatform:mlflow,eu-registry)");
        UrnBuilders.CorpUser("data_science_team").ToString().ShouldBe("urn:li:corpuser:data_science_team");
        UrnBuilders.CorpGroup("ds").ToString().ShouldBe("urn:li:corpGroup:ds");
        UrnBuilders.Tag("production-ready").ToString().ShouldBe("urn:li:tag:production-ready");
        UrnBuilders.GlossaryTerm("Recommendation").ToString().ShouldBe("urn:li:glossaryTerm:Recommendation");
        UrnBuilders.Domain("marketing").ToString().ShouldBe("urn:li:domain:marketing");
        UrnBuilders.Container("0a1b2c").ToString().ShouldBe("urn:li:container:0a1b2c");
        UrnBuilders.SchemaField(UrnBuilders.Dataset("hive", "users"), "user_id").ToString()
            .ShouldBe("urn:li:schemaField:(urn:li:dataset:(urn:li:dataPlatform:hive,users,PROD),user_id)");
    }

    [Fact]
    public void a_platform_may_be_given_by_name_or_by_urn()
    {
        UrnBuilders.DataPlatform("urn:li:dataPlatform:feast").ShouldBe(UrnBuilders.DataPlatform("feast"));
        UrnBuilders.MlFeatureTable("urn:li:dataPlatform:feast", "t").ShouldBe(UrnBuilders.MlFeatureTable("feast", "t"));
    }

    [Fact]
    public void a_platform_urn_of_another_type_is_rejected()
    {
        var ex = Should.Throw<ValidationException>(() => UrnBuilders.MlModel("urn:li:corpuser:x", "m"));

        ex.Path.ShouldBe("platform");
        ex.Reason.ShouldBe("must be a dataPlatform urn, got urn:li:corpuser:x");
    }

    [Fact]
    public void a_single_part_builder_returns_an_urn_of_its_own_type_as_is()
    {
        UrnBuilders.CorpUser("urn:li:corpuser:jdoe").ToString().ShouldBe("urn:li:corpuser:jdoe");
        UrnBuilders.Tag("urn:li:tag:pii").ToString().ShouldBe("urn:li:tag:pii");
    }

    [Fact]
    public void a_data_job_needs_a_data_flow()
    {
        var ex = Should.Throw<ValidationException>(() => UrnBuilders.DataJob(UrnBuilders.Tag("x"), "task"));

        ex.Path.ShouldBe("flow");
        ex.Reason.ShouldBe("must be a dataFlow urn, got urn:li:tag:x");
    }

    [Fact]
    public void a_data_flow_cluster_need_not_be_a_fabric_type()
    {
        UrnBuilders.DataFlow("airflow", "f", "prod-eu-1").Part("cluster").ShouldBe("prod-eu-1");
    }

    [Fact]
    public void the_builders_validate_as_parse_does()
    {
        Should.Throw<ValidationException>(() => UrnBuilders.Dataset("hive", "t", "prod")).Reason
            .ShouldStartWith("origin 'prod' is not a FabricType");
        Should.Throw<ValidationException>(() => UrnBuilders.MlFeature("ns", "")).Reason
            .ShouldBe("empty key part 2 (name) at position 21");
        Should.Throw<ValidationException>(() => UrnBuilders.Tag("")).Reason.ShouldStartWith("empty key");
        Should.Throw<ValidationException>(() => UrnBuilders.Tag("line\nbreak")).Reason
            .ShouldBe("control character U+000A at position 15");
        Should.Throw<ValidationException>(() => UrnBuilders.MlFeature(" ns", "x")).Reason
            .ShouldBe("key part 1 (featureNamespace) starts with whitespace at position 18");
    }
}
