using Lineage.Graph.Urns;

namespace Lineage.Graph.Tests.Urns;

public sealed class EscapingTests
{
    [Fact]
    public void a_name_with_commas_and_parentheses_is_escaped_by_the_builder_and_decoded_by_the_parser()
    {
        const string name = "revenue (EUR, net)";

        var built = UrnBuilders.MlModelGroup("mlflow", name);
        var parsed = Urn.Parse(built.ToString());

        built.ToString().ShouldBe("urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,revenue %28EUR%2C net%29,PROD)");
        parsed.Parts.ShouldBe(["urn:li:dataPlatform:mlflow", name, "PROD"]);
        parsed.Name.ShouldBe(name);
    }

    [Fact]
    public void single_part_keys_are_escaped_and_decoded_the_same_way()
    {
        var tag = UrnBuilders.Tag("a,b(c)");

        tag.ToString().ShouldBe("urn:li:tag:a%2Cb%28c%29");
        Urn.Parse(tag.ToString()).Name.ShouldBe("a,b(c)");
    }

    [Fact]
    public void escaped_text_in_a_nested_urn_stays_escaped_in_the_outer_part_and_decodes_in_the_nested_one()
    {
        var flow = UrnBuilders.DataFlow("airflow", "etl,daily");
        var job = UrnBuilders.DataJob(flow, "load(users)");

        job.ToString().ShouldBe("urn:li:dataJob:(urn:li:dataFlow:(airflow,etl%2Cdaily,PROD),load%28users%29)");
        job.Parts[0].ShouldBe("urn:li:dataFlow:(airflow,etl%2Cdaily,PROD)");
        job.Flow!.Name.ShouldBe("etl,daily");
        job.Job.ShouldBe("load(users)");
    }

    [Theory]
    [InlineData("50%25 sample", "50%25 sample")]
    [InlineData("a%2cb", "a%2cb")]
    [InlineData("100%", "100%")]
    [InlineData("%2", "%2")]
    [InlineData("x%2Cy%28z%29", "x,y(z)")]
    public void only_the_three_upper_case_escapes_are_decoded(string key, string decoded) =>
        Urn.Parse($"urn:li:tag:{key}").Name.ShouldBe(decoded);

    [Fact]
    public void a_percent_in_a_built_name_is_kept_as_it_is()
    {
        var urn = UrnBuilders.Dataset("hive", "growth_50%");

        urn.ToString().ShouldBe("urn:li:dataset:(urn:li:dataPlatform:hive,growth_50%,PROD)");
        urn.Name.ShouldBe("growth_50%");
    }

    [Fact]
    public void names_outside_the_basic_multilingual_plane_pass_through()
    {
        var urn = UrnBuilders.Tag("rocket 🚀");

        Urn.Parse(urn.ToString()).Name.ShouldBe("rocket 🚀");
    }
}
