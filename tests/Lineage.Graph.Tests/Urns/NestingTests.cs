using Lineage.Graph.Urns;

namespace Lineage.Graph.Tests.Urns;

public sealed class NestingTests
{
    [Fact]
    public void a_data_job_keeps_its_flow_tuple_as_one_part()
    {
        var urn = Urn.Parse("urn:li:dataJob:(urn:li:dataFlow:(airflow,flow,PROD),task)");

        urn.Parts.ShouldBe(["urn:li:dataFlow:(airflow,flow,PROD)", "task"]);
        urn.Flow!.Parts.ShouldBe(["airflow", "flow", "PROD"]);
    }

    [Fact]
    public void a_schema_field_of_a_dataset_nests_two_tuples()
    {
        var text = "urn:li:schemaField:(urn:li:dataset:(urn:li:dataPlatform:hive,db.users,PROD),address.city)";

        var urn = Urn.Parse(text);

        urn.Parts.ShouldBe(["urn:li:dataset:(urn:li:dataPlatform:hive,db.users,PROD)", "address.city"]);
        var parent = Urn.Parse(urn.Parts[0]);
        parent.PlatformName.ShouldBe("hive");
        parent.Name.ShouldBe("db.users");
        urn.ToString().ShouldBe(text);
    }

    [Fact]
    public void a_schema_field_parent_may_be_any_known_entity_type()
    {
        var urn = Urn.Parse("urn:li:schemaField:(urn:li:mlFeatureTable:(urn:li:dataPlatform:feast,users),age)");

        Urn.Parse(urn.Part("parent")!).EntityType.ShouldBe("mlFeatureTable");
    }

    [Fact]
    public void balanced_parentheses_inside_a_part_belong_to_that_part()
    {
        var urn = Urn.Parse("urn:li:dataset:(urn:li:dataPlatform:hive,sum(a,b),PROD)");

        urn.Name.ShouldBe("sum(a,b)");
        urn.Origin.ShouldBe("PROD");
    }

    [Fact]
    public void a_schema_field_of_a_schema_field_parses_recursively()
    {
        var inner = "urn:li:schemaField:(urn:li:dataset:(urn:li:dataPlatform:hive,t,PROD),a)";

        var urn = Urn.Parse($"urn:li:schemaField:({inner},b)");

        urn.Part("parent").ShouldBe(inner);
        urn.Name.ShouldBe("b");
    }

    [Fact]
    public void urns_nested_deeper_than_any_real_one_are_refused_rather_than_recursed_into()
    {
        var text = "urn:li:tag:x";
        for (var i = 0; i < 50; i++)
        {
            text = $"urn:li:schemaField:({text},f)";
        }

        Urn.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldContain("nested more than 8 deep");
    }
}
