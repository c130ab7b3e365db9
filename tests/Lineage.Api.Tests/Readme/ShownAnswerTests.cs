namespace Lineage.Api.Tests.Readme;

/// <summary>How a shown answer is compared with what an example printed.</summary>
public sealed class ShownAnswerTests
{
    [Fact]
    public void json_is_compared_by_structure_not_by_layout_or_member_order()
    {
        ShownAnswer.Difference("""
            {
              "a": 1,
              "b": [true, null]
            }
            """, """{"b":[true,null],"a":1.0}""").ShouldBeNull();
    }

    [Fact]
    public void each_value_of_a_sequence_is_compared_in_order()
    {
        ShownAnswer.Difference("2\n[\"x\"]\n", "2\n[\"x\"]\n").ShouldBeNull();
        ShownAnswer.Difference("2\n[\"x\"]\n", "[\"x\"]\n2\n").ShouldNotBeNull();
        ShownAnswer.Difference("2\n[\"x\"]\n", "2\n").ShouldNotBeNull();
    }

    [Fact]
    public void varying_members_need_only_be_there()
    {
        ShownAnswer.Difference("""{"id": "a1", "name": "n", "createdAt": 1}""", """{"id":"b2","name":"n","createdAt":2}""").ShouldBeNull();
        ShownAnswer.Difference("""{"id": "a1", "name": "n"}""", """{"name":"n"}""").ShouldNotBeNull();
    }

    [Fact]
    public void a_different_value_a_missing_member_and_an_extra_member_are_each_named_with_their_place()
    {
        ShownAnswer.Difference("""{"a": {"b": [1, 2]}}""", """{"a":{"b":[1,3]}}""")!.ShouldContain("value 1.a.b[1]");
        ShownAnswer.Difference("""{"a": 1, "b": 2}""", """{"a":1}""")!.ShouldContain("\"b\"");
        ShownAnswer.Difference("""{"a": 1}""", """{"a":1,"c":3}""")!.ShouldContain("\"c\"");
        ShownAnswer.Difference("""["x"]""", """["x","y"]""").ShouldNotBeNull();
    }

    [Fact]
    public void text_is_compared_line_by_line_exactly()
    {
        ShownAnswer.Difference("1 urn:li:a\n  via b\n", "1 urn:li:a\n  via b").ShouldBeNull();
        ShownAnswer.Difference("1 urn:li:a\n  via b\n", "1 urn:li:a\n  via c\n")!.ShouldContain("line 2");
    }
}
