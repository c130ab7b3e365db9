using System.Text.Json.Nodes;
using Lineage.Graph.Errors;
using Lineage.Graph.Urns;

namespace Lineage.Graph.Tests.Urns;

public sealed class KeyAspectTests
{
    [Fact]
    public void an_ml_model_group_key_aspect_holds_platform_name_and_origin()
    {
        var urn = Urn.Parse("urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,recs,PROD)");

        var key = urn.KeyAspect();

        JsonNode.DeepEquals(key, JsonNode.Parse("""{"platform": "urn:li:dataPlatform:mlflow", "name": "recs", "origin": "PROD"}"""))
            .ShouldBeTrue(key.ToJsonString());
        urn.Spec.KeyAspectName.ShouldBe("mlModelGroupKey");
        urn.Spec.KeyAspectClass.ShouldBe("com.linkedin.metadata.key.MLModelGroupKey");
    }

    [Fact]
    public void key_aspect_values_are_decoded_and_nested_urns_are_their_text()
    {
        var urn = Urn.Parse("urn:li:dataJob:(urn:li:dataFlow:(airflow,etl%2Cdaily,PROD),load%28users%29)");

        urn.KeyAspect().ToJsonString()
            .ShouldBe("""{"flow":"urn:li:dataFlow:(airflow,etl%2Cdaily,PROD)","jobId":"load(users)"}""");
    }

    [Theory]
    [InlineData("urn:li:mlModel:(urn:li:dataPlatform:science,scienceModel,PROD)")]
    [InlineData("urn:li:mlFeature:(my-feature-table,my-feature)")]
    [InlineData("urn:li:dataJob:(urn:li:dataFlow:(airflow,train_recommendation_model,PROD),training_task)")]
    [InlineData("urn:li:corpuser:data_science_team")]
    [InlineData("urn:li:dataset:(urn:li:dataPlatform:hive,revenue %28EUR%2C net%29,PROD)")]
    [InlineData("urn:li:schemaField:(urn:li:dataset:(urn:li:dataPlatform:hive,users,PROD),user_id)")]
    public void a_key_aspect_turns_back_into_the_urn_it_came_from(string text)
    {
        var urn = Urn.Parse(text);

        Urn.FromKeyAspect(urn.EntityType, urn.KeyAspect()).ShouldBe(urn);
    }

    [Fact]
    public void a_key_aspect_matches_an_urn_that_spells_a_part_unescaped()
    {
        var unescaped = Urn.Parse("urn:li:tag:a,b");
        var key = unescaped.KeyAspect();

        unescaped.MatchesKeyAspect(key).ShouldBeTrue();
        Urn.FromKeyAspect("tag", key).ToString().ShouldBe("urn:li:tag:a%2Cb");
        unescaped.MatchesKeyAspect(new JsonObject { ["name"] = "a" }).ShouldBeFalse();
        unescaped.MatchesKeyAspect(new JsonObject { ["name"] = "a,b", ["extra"] = "x" }).ShouldBeFalse();
    }

    [Fact]
    public void a_key_aspect_missing_a_field_is_rejected_at_that_field()
    {
        var ex = Should.Throw<ValidationException>(() =>
            Urn.FromKeyAspect("mlModel", new JsonObject { ["platform"] = "urn:li:dataPlatform:x", ["name"] = "m" }));

        ex.Path.ShouldBe("key.origin");
        ex.Reason.ShouldBe("is required by mlModelKey");
    }

    [Fact]
    public void a_key_aspect_with_a_field_the_key_does_not_have_is_rejected()
    {
        var ex = Should.Throw<ValidationException>(() =>
            Urn.FromKeyAspect("tag", new JsonObject { ["name"] = "x", ["colour"] = "red" }, "proposals[0].aspect.value"));

        ex.Path.ShouldBe("proposals[0].aspect.value.colour");
        ex.Reason.ShouldBe("is not a field of tagKey (name)");
    }

    [Fact]
    public void a_key_aspect_field_that_is_not_a_string_is_rejected()
    {
        var ex = Should.Throw<ValidationException>(() => Urn.FromKeyAspect("domain", new JsonObject { ["id"] = 42 }));

        ex.Path.ShouldBe("key.id");
        ex.Reason.ShouldBe("must be a string");
    }

    [Fact]
    public void a_key_aspect_with_values_no_urn_may_hold_is_rejected_like_a_parsed_urn()
    {
        var badOrigin = new JsonObject { ["platform"] = "urn:li:dataPlatform:x", ["name"] = "m", ["origin"] = "prod" };
        var badPlatform = new JsonObject { ["platform"] = "urn:li:corpuser:x", ["name"] = "m", ["origin"] = "PROD" };

        Should.Throw<ValidationException>(() => Urn.FromKeyAspect("mlModel", badOrigin)).Reason
            .ShouldStartWith("origin 'prod' is not a FabricType");
        Should.Throw<ValidationException>(() => Urn.FromKeyAspect("mlModel", badPlatform)).Reason
            .ShouldBe("platform must be a dataPlatform urn, got urn:li:corpuser:x");
    }

    [Fact]
    public void a_key_aspect_of_an_unknown_entity_type_is_rejected()
    {
        var ex = Should.Throw<ValidationException>(() => Urn.FromKeyAspect("mlmodel", new JsonObject()));

        ex.Reason.ShouldBe("unknown entity type 'mlmodel' (did you mean 'mlModel'?)");
    }
}
