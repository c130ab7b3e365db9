using System.Text.Json.Nodes;
using Lineage.Graph.Errors;
using Lineage.Graph.Writing;

namespace Lineage.Graph.Tests.Writing;

/// <summary>RFC 6902 over JsonNode, errors naming the operation (<c>[i].path</c>).</summary>
public sealed class JsonPatchTests
{
    private static JsonObject Patch(string document, string operations) =>
        JsonPatch.Apply(JsonNode.Parse(document)!.AsObject(), JsonNode.Parse(operations));

    private static void ShouldBeJson(JsonNode actual, string expected) =>
        JsonNode.DeepEquals(actual, JsonNode.Parse(expected)).ShouldBeTrue($"got {actual.ToJsonString()}, expected {expected}");

    private static ValidationException Rejected(string document, string operations) =>
        Should.Throw<ValidationException>(() => Patch(document, operations));

    [Fact]
    public void add_sets_a_new_member() =>
        ShouldBeJson(Patch("""{"a": 1}""", """[{"op": "add", "path": "/b", "value": {"c": 2}}]"""), """{"a": 1, "b": {"c": 2}}""");

    [Fact]
    public void add_replaces_an_existing_member() =>
        ShouldBeJson(Patch("""{"a": 1}""", """[{"op": "add", "path": "/a", "value": 2}]"""), """{"a": 2}""");

    [Fact]
    public void add_inserts_into_an_array_before_the_index() =>
        ShouldBeJson(Patch("""{"l": ["a", "c"]}""", """[{"op": "add", "path": "/l/1", "value": "b"}]"""), """{"l": ["a", "b", "c"]}""");

    [Fact]
    public void add_at_the_array_length_appends() =>
        ShouldBeJson(Patch("""{"l": ["a"]}""", """[{"op": "add", "path": "/l/1", "value": "b"}]"""), """{"l": ["a", "b"]}""");

    [Fact]
    public void add_with_a_dash_appends_to_an_array() =>
        ShouldBeJson(
            Patch("""{"l": ["a"]}""", """[{"op": "add", "path": "/l/-", "value": "b"}, {"op": "add", "path": "/l/-", "value": "c"}]"""),
            """{"l": ["a", "b", "c"]}""");

    [Fact]
    public void add_of_null_sets_the_member_to_null() =>
        ShouldBeJson(Patch("{}", """[{"op": "add", "path": "/a", "value": null}]"""), """{"a": null}""");

    [Fact]
    public void remove_deletes_a_member() =>
        ShouldBeJson(Patch("""{"a": 1, "b": 2}""", """[{"op": "remove", "path": "/a"}]"""), """{"b": 2}""");

    [Fact]
    public void remove_deletes_an_array_item_and_shifts_the_rest() =>
        ShouldBeJson(Patch("""{"l": ["a", "b", "c"]}""", """[{"op": "remove", "path": "/l/0"}]"""), """{"l": ["b", "c"]}""");

    [Fact]
    public void replace_swaps_a_value() =>
        ShouldBeJson(Patch("""{"a": {"b": 1}}""", """[{"op": "replace", "path": "/a/b", "value": [1, 2]}]"""), """{"a": {"b": [1, 2]}}""");

    [Fact]
    public void replace_of_an_array_item_keeps_its_position() =>
        ShouldBeJson(Patch("""{"l": ["a", "b", "c"]}""", """[{"op": "replace", "path": "/l/1", "value": "B"}]"""), """{"l": ["a", "B", "c"]}""");

    [Fact]
    public void move_takes_a_value_from_one_place_to_another() =>
        ShouldBeJson(Patch("""{"a": {"x": 1}, "b": {}}""", """[{"op": "move", "from": "/a/x", "path": "/b/y"}]"""), """{"a": {}, "b": {"y": 1}}""");

    [Fact]
    public void move_within_an_array_reorders_it() =>
        ShouldBeJson(Patch("""{"l": ["a", "b", "c"]}""", """[{"op": "move", "from": "/l/0", "path": "/l/-"}]"""), """{"l": ["b", "c", "a"]}""");

    [Fact]
    public void copy_duplicates_a_value_independently()
    {
        var patched = Patch("""{"a": {"x": [1]}}""",
            """[{"op": "copy", "from": "/a", "path": "/b"}, {"op": "add", "path": "/b/x/-", "value": 2}]""");

        ShouldBeJson(patched, """{"a": {"x": [1]}, "b": {"x": [1, 2]}}""");
    }

    [Fact]
    public void test_that_matches_lets_the_patch_go_on() =>
        ShouldBeJson(
            Patch("""{"a": {"b": [1, "x"]}}""", """[{"op": "test", "path": "/a", "value": {"b": [1, "x"]}}, {"op": "remove", "path": "/a"}]"""),
            "{}");

    [Fact]
    public void test_compares_numbers_by_value() =>
        ShouldBeJson(Patch("""{"n": 1}""", """[{"op": "test", "path": "/n", "value": 1.0}]"""), """{"n": 1}""");

    [Fact]
    public void test_that_differs_fails_naming_the_operation()
    {
        var error = Rejected("""{"a": 1}""", """[{"op": "remove", "path": "/a"}, {"op": "test", "path": "/b", "value": 1}, {"op": "add", "path": "/c", "value": 1}]""");

        error.Path.ShouldStartWith("[1]");
    }

    [Fact]
    public void test_of_a_different_value_fails()
    {
        var error = Rejected("""{"a": "x"}""", """[{"op": "test", "path": "/a", "value": "y"}]""");

        error.Path.ShouldBe("[0]");
        error.Reason.ShouldContain("/a");
    }

    [Fact]
    public void a_slash_in_a_member_name_is_written_tilde_1() =>
        ShouldBeJson(
            Patch("""{"m": {"a/b": 1}}""", """[{"op": "replace", "path": "/m/a~1b", "value": 2}]"""),
            """{"m": {"a/b": 2}}""");

    [Fact]
    public void a_tilde_in_a_member_name_is_written_tilde_0_and_decoded_after_tilde_1() =>
        ShouldBeJson(
            Patch("""{"m": {"~1": 1, "c~d": 2}}""", """[{"op": "remove", "path": "/m/~01"}, {"op": "replace", "path": "/m/c~0d", "value": 3}]"""),
            """{"m": {"c~d": 3}}""");

    [Fact]
    public void an_empty_path_replaces_the_whole_document() =>
        ShouldBeJson(Patch("""{"a": 1}""", """[{"op": "replace", "path": "", "value": {"b": 2}}]"""), """{"b": 2}""");

    [Fact]
    public void the_input_document_is_never_modified()
    {
        var document = JsonNode.Parse("""{"l": [1], "a": {"b": 1}}""")!.AsObject();

        JsonPatch.Apply(document, JsonNode.Parse("""[{"op": "add", "path": "/l/-", "value": 2}, {"op": "remove", "path": "/a/b"}]"""));
        Should.Throw<ValidationException>(() => JsonPatch.Apply(document,
            JsonNode.Parse("""[{"op": "add", "path": "/l/-", "value": 3}, {"op": "remove", "path": "/nope"}]""")));

        ShouldBeJson(document, """{"l": [1], "a": {"b": 1}}""");
    }

    [Fact]
    public void removing_a_missing_member_names_the_path_of_that_operation()
    {
        var error = Rejected("""{"a": 1}""", """[{"op": "add", "path": "/b", "value": 1}, {"op": "remove", "path": "/missing"}]""");

        error.Path.ShouldBe("[1].path");
        error.Reason.ShouldContain("/missing");
    }

    [Fact]
    public void replacing_a_missing_member_fails() =>
        Rejected("{}", """[{"op": "replace", "path": "/a", "value": 1}]""").Path.ShouldBe("[0].path");

    [Fact]
    public void adding_under_a_missing_parent_fails() =>
        Rejected("{}", """[{"op": "add", "path": "/a/b", "value": 1}]""").Path.ShouldBe("[0].path");

    [Fact]
    public void an_array_index_out_of_range_fails() =>
        Rejected("""{"l": [1]}""", """[{"op": "add", "path": "/l/2", "value": 1}]""").Path.ShouldBe("[0].path");

    [Fact]
    public void an_array_index_that_is_not_a_number_fails() =>
        Rejected("""{"l": [1]}""", """[{"op": "remove", "path": "/l/first"}]""").Path.ShouldBe("[0].path");

    [Fact]
    public void a_dash_names_no_existing_item_to_remove() =>
        Rejected("""{"l": [1]}""", """[{"op": "remove", "path": "/l/-"}]""").Path.ShouldBe("[0].path");

    [Fact]
    public void a_path_that_is_not_a_json_pointer_fails() =>
        Rejected("{}", """[{"op": "add", "path": "a", "value": 1}]""").Path.ShouldBe("[0].path");

    [Fact]
    public void moving_from_a_missing_place_names_the_from_field() =>
        Rejected("""{"a": 1}""", """[{"op": "move", "from": "/missing", "path": "/b"}]""").Path.ShouldBe("[0].from");

    [Fact]
    public void copying_from_a_missing_place_names_the_from_field() =>
        Rejected("""{"a": 1}""", """[{"op": "copy", "from": "/missing", "path": "/b"}]""").Path.ShouldBe("[0].from");

    [Fact]
    public void an_unknown_operation_names_the_op_field() =>
        Rejected("{}", """[{"op": "merge", "path": "/a", "value": 1}]""").Path.ShouldBe("[0].op");

    [Fact]
    public void a_missing_value_names_the_value_field() =>
        Rejected("{}", """[{"op": "add", "path": "/a"}]""").Path.ShouldBe("[0].value");

    [Fact]
    public void a_missing_path_names_the_path_field() =>
        Rejected("{}", """[{"op": "remove"}]""").Path.ShouldBe("[0].path");

    [Fact]
    public void a_missing_from_names_the_from_field() =>
        Rejected("""{"a": 1}""", """[{"op": "copy", "path": "/b"}]""").Path.ShouldBe("[0].from");

    [Fact]
    public void an_operation_that_is_not_an_object_fails() =>
        Rejected("{}", """[{"op": "add", "path": "/a", "value": 1}, "remove"]""").Path.ShouldBe("[1]");

    [Fact]
    public void operations_that_are_not_an_array_fail() =>
        Rejected("{}", """{"op": "add", "path": "/a", "value": 1}""").Path.ShouldBe("");

    [Fact]
    public void a_patch_that_leaves_no_object_fails() =>
        Rejected("{}", """[{"op": "replace", "path": "", "value": [1]}]""").Path.ShouldBe("");
}
