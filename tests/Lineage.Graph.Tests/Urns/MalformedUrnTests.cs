using Lineage.Graph.Errors;
using Lineage.Graph.Urns;

namespace Lineage.Graph.Tests.Urns;

public sealed class MalformedUrnTests
{
    private static string Reason(string text) => Should.Throw<ValidationException>(() => Urn.Parse(text)).Reason;

    [Fact]
    public void the_exception_names_the_path_it_was_given_and_the_reason()
    {
        var ex = Should.Throw<ValidationException>(() => Urn.Parse("urn:li:mlModle:x", "proposals[3].entityUrn"));

        ex.Path.ShouldBe("proposals[3].entityUrn");
        ex.Message.ShouldBe("proposals[3].entityUrn: unknown entity type 'mlModle' (did you mean 'mlModel'?)");
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("urn:lo:tag:x", "does not start with 'urn:li:'")]
    [InlineData("URN:li:tag:x", "does not start with 'urn:li:'")]
    [InlineData("tag:x", "does not start with 'urn:li:'")]
    [InlineData("urn:li::x", "missing entity type at position 7")]
    [InlineData("urn:li:corpuser", "missing ':' and key after the entity type: expected 'urn:li:<entityType>:<key>'")]
    [InlineData("urn:li:corpuser:", "empty key at position 16: corpuser needs (username)")]
    public void text_that_is_not_shaped_like_an_urn_is_rejected(string text, string reason) =>
        Reason(text).ShouldBe(reason);

    [Theory]
    [InlineData("urn:li:mlModle:(a,b,PROD)", "unknown entity type 'mlModle' (did you mean 'mlModel'?)")]
    [InlineData("urn:li:MLModel:(a,b,PROD)", "unknown entity type 'MLModel' (did you mean 'mlModel'?)")]
    [InlineData("urn:li:notebook:(querybook,1)", "unknown entity type 'notebook'")]
    [InlineData("urn:li:da:x", "unknown entity type 'da'")]
    public void an_unknown_entity_type_is_named_with_the_likely_intended_one(string text, string reason) =>
        Reason(text).ShouldBe(reason);

    [Fact]
    public void a_wrong_number_of_key_parts_names_the_expected_fields()
    {
        Reason("urn:li:mlModel:(urn:li:dataPlatform:science,scienceModel)")
            .ShouldBe("expected 3 key parts (platform, name, origin) for mlModel, got 2");
        Reason("urn:li:mlFeature:(a,b,c)")
            .ShouldBe("expected 2 key parts (featureNamespace, name) for mlFeature, got 3");
    }

    [Fact]
    public void an_unclosed_parenthesis_is_reported_where_it_opens()
    {
        Reason("urn:li:mlFeature:(ns,name").ShouldBe("unbalanced '(' at position 17");
        Reason("urn:li:tag:a(b").ShouldBe("unbalanced '(' at position 12");
        Reason("urn:li:dataJob:(urn:li:dataFlow:(airflow,flow,PROD,task)").ShouldBe("unbalanced '(' at position 15");
    }

    [Fact]
    public void a_stray_closing_parenthesis_in_a_single_part_key_is_reported_where_it_is()
    {
        Reason("urn:li:corpuser:abc)").ShouldBe("unbalanced ')' at position 19");
    }

    [Fact]
    public void text_after_the_closing_parenthesis_of_a_tuple_is_rejected()
    {
        Reason("urn:li:mlFeature:(ns,name)x").ShouldBe("unexpected text 'x' after the key's closing ')' at position 26");
        Reason("urn:li:mlFeature:(ns,name))").ShouldBe("unexpected text ')' after the key's closing ')' at position 26");
    }

    [Fact]
    public void a_tuple_type_without_a_tuple_is_rejected()
    {
        Reason("urn:li:dataset:hive.users")
            .ShouldBe("the key of dataset must be a tuple (platform, name, origin) starting with '(' at position 15");
    }

    [Fact]
    public void a_single_part_type_written_as_a_tuple_is_rejected()
    {
        Reason("urn:li:corpuser:(part1,part2)").ShouldStartWith("the key of corpuser is a single part (username) and must not start with '('");
        Reason("urn:li:tag:(x)").ShouldContain("write '(' as %28");
    }

    [Fact]
    public void an_empty_key_part_is_named_by_its_position_and_field()
    {
        Reason("urn:li:mlModel:(urn:li:dataPlatform:science,,PROD)").ShouldBe("empty key part 2 (name) at position 44");
        Reason("urn:li:mlFeature:(,name)").ShouldBe("empty key part 1 (featureNamespace) at position 18");
        Reason("urn:li:mlFeature:(ns,)").ShouldBe("empty key part 2 (name) at position 21");
    }

    [Fact]
    public void an_origin_outside_fabric_type_is_rejected_with_the_allowed_values()
    {
        Reason("urn:li:mlModel:(urn:li:dataPlatform:science,m,prod)")
            .ShouldBe("origin 'prod' is not a FabricType (one of DEV, TEST, QA, UAT, EI, PRE, STG, NON_PROD, PROD, CORP, RVW, PRD, TST, SIT, SBX, SANDBOX)");
    }

    [Theory]
    [InlineData("urn:li:mlModel:(urn:li:corpuser:x,m,PROD)", "platform must be a dataPlatform urn, got urn:li:corpuser:x")]
    [InlineData("urn:li:mlModel:(science,m,PROD)", "platform must be a dataPlatform urn, got science")]
    [InlineData("urn:li:dataJob:(urn:li:dataset:(urn:li:dataPlatform:h,t,PROD),task)", "flow must be a dataFlow urn, got urn:li:dataset:(urn:li:dataPlatform:h,t,PROD)")]
    [InlineData("urn:li:schemaField:(users,user_id)", "parent must be an urn, got users")]
    public void a_nested_urn_of_the_wrong_type_is_rejected(string text, string reason) =>
        Reason(text).ShouldBe(reason);

    [Fact]
    public void an_invalid_nested_urn_is_rejected_with_its_own_reason()
    {
        Reason("urn:li:dataJob:(urn:li:dataFlow:(airflow,flow),task)")
            .ShouldBe("flow is not a valid urn: expected 3 key parts (orchestrator, flowId, cluster) for dataFlow, got 2");
        Reason("urn:li:dataset:(urn:li:dataPlatfrom:hive,t,PROD)")
            .ShouldBe("platform is not a valid urn: unknown entity type 'dataPlatfrom' (did you mean 'dataPlatform'?)");
        Reason("urn:li:dataJob:(urn:li:dataFlow:(a,b,c)x,task)")
            .ShouldBe("flow is not a valid urn: unexpected text 'x' after the key's closing ')' at position 39");
    }

    [Theory]
    [InlineData(" urn:li:tag:x", "starts with whitespace")]
    [InlineData("urn:li:tag:x ", "ends with whitespace at position 12")]
    [InlineData("urn:li:tag:x\n", "ends with whitespace at position 12")]
    [InlineData("urn:li:tag:a\tb", "control character U+0009 at position 12")]
    [InlineData("urn:li:tag:a\u0000b", "control character U+0000 at position 12")]
    [InlineData("urn:li:tag:a\u00A0b", "whitespace character U+00A0 at position 12; only plain spaces are allowed")]
    [InlineData("urn:li:tag: x", "key (name) starts with whitespace at position 11")]
    [InlineData("urn:li:mlFeature:(ns ,x)", "key part 1 (featureNamespace) ends with whitespace at position 20")]
    [InlineData("urn:li:mlFeature:(ns, x)", "key part 2 (name) starts with whitespace at position 21")]
    public void whitespace_at_the_edges_and_control_characters_anywhere_are_rejected(string text, string reason) =>
        Reason(text).ShouldBe(reason);

    [Fact]
    public void a_plain_space_inside_a_part_is_allowed()
    {
        Urn.Parse("urn:li:dataset:(urn:li:dataPlatform:looker,Sales Overview,PROD)").Name.ShouldBe("Sales Overview");
    }

    [Fact]
    public void an_unpaired_surrogate_and_the_browse_path_delimiter_are_rejected()
    {
        Reason("urn:li:tag:a\uD800b").ShouldBe("unpaired surrogate U+D800 at position 12");
        Reason("urn:li:tag:a\u241Fb").ShouldBe("reserved character '\u241F' at position 12");
    }

    [Fact]
    public void try_parse_reports_the_reason_instead_of_throwing()
    {
        Urn.TryParse("urn:li:mlFeature:(ns,name", out var urn, out var error).ShouldBeFalse();
        urn.ShouldBeNull();
        error.ShouldBe("unbalanced '(' at position 17");

        Urn.TryParse(null, out _, out error).ShouldBeFalse();
        error.ShouldBe("is missing");

        Urn.TryParse("urn:li:tag:x", out urn, out error).ShouldBeTrue();
        urn!.ToString().ShouldBe("urn:li:tag:x");
        error.ShouldBeNull();
    }
}
