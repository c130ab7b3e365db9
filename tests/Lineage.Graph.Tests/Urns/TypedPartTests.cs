using Lineage.Graph.Urns;

namespace Lineage.Graph.Tests.Urns;

public sealed class TypedPartTests
{
    [Fact]
    public void a_dataset_urn_exposes_its_platform_name_and_origin()
    {
        var urn = Urn.Parse("urn:li:dataset:(urn:li:dataPlatform:hive,fct_users_deleted,PROD)");

        urn.Platform.ShouldBe(Urn.Parse("urn:li:dataPlatform:hive"));
        urn.PlatformName.ShouldBe("hive");
        urn.Name.ShouldBe("fct_users_deleted");
        urn.Origin.ShouldBe("PROD");
        urn.Parts.ShouldBe(["urn:li:dataPlatform:hive", "fct_users_deleted", "PROD"]);
    }

    [Fact]
    public void an_ml_model_group_urn_exposes_its_platform_name_and_origin()
    {
        var urn = Urn.Parse("urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,recommendation-models,DEV)");

        urn.PlatformName.ShouldBe("mlflow");
        urn.Name.ShouldBe("recommendation-models");
        urn.Origin.ShouldBe("DEV");
        urn.Namespace.ShouldBeNull();
    }

    [Fact]
    public void an_ml_feature_urn_exposes_its_namespace_and_name_but_no_platform()
    {
        var urn = Urn.Parse("urn:li:mlFeature:(my-feature-table,my-feature)");

        urn.Namespace.ShouldBe("my-feature-table");
        urn.Name.ShouldBe("my-feature");
        urn.Platform.ShouldBeNull();
        urn.PlatformName.ShouldBeNull();
        urn.Origin.ShouldBeNull();
    }

    [Fact]
    public void a_data_job_urn_exposes_its_flow_and_job_and_its_name_is_the_job_id()
    {
        var urn = Urn.Parse("urn:li:dataJob:(urn:li:dataFlow:(airflow,train_recommendation_model,PROD),training_task)");

        urn.Flow.ShouldBe(Urn.Parse("urn:li:dataFlow:(airflow,train_recommendation_model,PROD)"));
        urn.Job.ShouldBe("training_task");
        urn.Name.ShouldBe("training_task");
        urn.Flow!.Name.ShouldBe("train_recommendation_model");
    }

    [Fact]
    public void a_data_flow_cluster_is_free_text_and_not_an_origin()
    {
        var urn = Urn.Parse("urn:li:dataFlow:(airflow,nightly,prod-eu)");

        urn.Name.ShouldBe("nightly");
        urn.Part("cluster").ShouldBe("prod-eu");
        urn.Origin.ShouldBeNull();
        urn.Flow.ShouldBeNull();
        urn.Job.ShouldBeNull();
    }

    [Theory]
    [InlineData("urn:li:corpuser:jdoe", "jdoe")]
    [InlineData("urn:li:domain:marketing", "marketing")]
    [InlineData("urn:li:dataPlatform:feast", "feast")]
    [InlineData("urn:li:container:abc123", "abc123")]
    [InlineData("urn:li:chart:(looker,looks/1234)", "looks/1234")]
    [InlineData("urn:li:schemaField:(urn:li:dataset:(urn:li:dataPlatform:hive,users,PROD),user_id)", "user_id")]
    public void the_name_is_the_part_a_person_would_call_the_name(string text, string name) =>
        Urn.Parse(text).Name.ShouldBe(name);

    [Fact]
    public void a_part_is_found_by_its_key_aspect_field_name_and_is_null_when_the_type_has_no_such_field()
    {
        var urn = Urn.Parse("urn:li:dataPlatformInstance:(urn:li:dataPlatform:mlflow,eu-registry)");

        urn.Part("instance").ShouldBe("eu-registry");
        urn.Part("platform").ShouldBe("urn:li:dataPlatform:mlflow");
        urn.Part("origin").ShouldBeNull();
        urn.PlatformName.ShouldBe("mlflow");
    }

    [Fact]
    public void urns_are_equal_exactly_when_their_texts_are_equal()
    {
        var a = Urn.Parse("urn:li:tag:Production");
        var b = Urn.Parse(new string("urn:li:tag:Production".ToCharArray()));
        var lower = Urn.Parse("urn:li:tag:production");

        (a == b).ShouldBeTrue();
        a.Equals(b).ShouldBeTrue();
        a.GetHashCode().ShouldBe(b.GetHashCode());
        (a != lower).ShouldBeTrue();
        a.Equals(null).ShouldBeFalse();
        new HashSet<Urn> { a, b, lower }.Count.ShouldBe(2);
    }
}
