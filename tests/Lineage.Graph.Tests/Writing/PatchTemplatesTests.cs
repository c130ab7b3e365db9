using System.Text.Json.Nodes;
using Lineage.Graph.Errors;
using Lineage.Graph.Writing.Patch;

namespace Lineage.Graph.Tests.Writing;

/// <summary>
/// DataHub's per-aspect patch templates: the attribution-keyed tags, terms, owners and structured properties (the
/// cases of DataHub's <c>OwnershipTemplateTest</c> and <c>GlobalTagsTemplateTest</c>), and the templates that only
/// give a starting value.
/// </summary>
public sealed class PatchTemplatesTests
{
    private const long Now = 1_700_000_000_000;
    private const string SrcA = "urn:li:platformResource:srcA", SrcB = "urn:li:platformResource:srcB";

    private static JsonObject Apply(string aspect, string? current, string patch) =>
        KeyedPatch.Apply(aspect, current is null ? null : JsonNode.Parse(current)!.AsObject(), JsonNode.Parse(patch), Now);

    private static void ShouldBe(JsonNode actual, string expected) =>
        JsonNode.DeepEquals(actual, JsonNode.Parse(expected)).ShouldBeTrue($"got {actual.ToJsonString()}");

    private static string Attributed(string tag, string source) =>
        $$$"""{"tag": "{{{tag}}}", "attribution": {"source": "{{{source}}}", "actor": "urn:li:corpuser:datahub", "time": 0}}""";

    [Fact]
    public void owners_with_the_same_owner_and_type_but_different_type_urns_coexist()
    {
        var patched = Apply("ownership", """{"owners": []}""", """
            [{"op": "add", "path": "/owners/urn:li:corpuser:jdoe/DATAOWNER/urn:li:ownershipType:Technical/",
              "value": [{"owner": "urn:li:corpuser:jdoe", "type": "DATAOWNER", "typeUrn": "urn:li:ownershipType:Technical"}]},
             {"op": "add", "path": "/owners/urn:li:corpuser:jdoe/DATAOWNER/urn:li:ownershipType:Business/",
              "value": [{"owner": "urn:li:corpuser:jdoe", "type": "DATAOWNER", "typeUrn": "urn:li:ownershipType:Business"}]}]
            """);

        ShouldBe(patched, """
            {"owners": [{"owner": "urn:li:corpuser:jdoe", "type": "DATAOWNER", "typeUrn": "urn:li:ownershipType:Technical"},
                        {"owner": "urn:li:corpuser:jdoe", "type": "DATAOWNER", "typeUrn": "urn:li:ownershipType:Business"}]}
            """);
    }

    [Fact]
    public void an_unattributed_owner_joins_attributed_entries_of_the_same_owner_and_type()
    {
        var patched = Apply("ownership", $$$"""
            {"owners": [{"owner": "urn:li:corpuser:a", "type": "DATAOWNER", "attribution": {"source": "{{{SrcA}}}", "actor": "urn:li:corpuser:datahub", "time": 0}}]}
            """,
            """[{"op": "add", "path": "/owners/urn:li:corpuser:a/DATAOWNER//", "value": {"owner": "urn:li:corpuser:a", "type": "DATAOWNER"}}]""");

        ShouldBe(patched, $$$"""
            {"owners": [{"owner": "urn:li:corpuser:a", "type": "DATAOWNER", "attribution": {"source": "{{{SrcA}}}", "actor": "urn:li:corpuser:datahub", "time": 0}},
                        {"owner": "urn:li:corpuser:a", "type": "DATAOWNER"}]}
            """);
    }

    [Fact]
    public void an_established_owner_path_gets_the_missing_keys_from_its_value()
    {
        var patched = Apply("ownership", """{"owners": [{"owner": "urn:li:corpuser:a", "type": "DATAOWNER", "typeUrn": "urn:li:ownershipType:x"}]}""",
            """[{"op": "add", "path": "/owners/urn:li:corpuser:a/DATAOWNER", "value": {"owner": "urn:li:corpuser:a", "type": "DATAOWNER"}}]""");

        // /owners/a/DATAOWNER became /owners/a/DATAOWNER//: the entry with a typeUrn stays beside the new one.
        ShouldBe(patched, """
            {"owners": [{"owner": "urn:li:corpuser:a", "type": "DATAOWNER", "typeUrn": "urn:li:ownershipType:x"},
                        {"owner": "urn:li:corpuser:a", "type": "DATAOWNER"}]}
            """);
    }

    [Fact]
    public void a_plain_tag_add_keeps_attributed_duplicates_and_a_tag_path_removes_every_source()
    {
        var stored = $$$"""{"tags": [{{{Attributed("urn:li:tag:x", SrcA)}}}, {{{Attributed("urn:li:tag:x", SrcB)}}}, {{{Attributed("urn:li:tag:y", SrcA)}}}]}""";

        var added = Apply("globalTags", stored, """[{"op": "add", "path": "/tags/urn:li:tag:z", "value": [{"tag": "urn:li:tag:z"}]}]""");
        var removed = Apply("globalTags", stored, """[{"op": "remove", "path": "/tags/urn:li:tag:x"}]""");

        ShouldBe(added, $$$"""{"tags": [{{{Attributed("urn:li:tag:x", SrcA)}}}, {{{Attributed("urn:li:tag:x", SrcB)}}}, {{{Attributed("urn:li:tag:y", SrcA)}}}, {"tag": "urn:li:tag:z"}]}""");
        ShouldBe(removed, $$$"""{"tags": [{{{Attributed("urn:li:tag:y", SrcA)}}}]}""");
    }

    [Fact]
    public void a_fields_tags_are_keyed_like_global_tags_and_a_short_path_inside_a_field_is_completed_too()
    {
        var patched = Apply("editableSchemaMetadata", $$$"""
            {"editableSchemaFieldInfo": [{"fieldPath": "f", "globalTags": {"tags": [{{{Attributed("urn:li:tag:x", SrcA)}}}]}}]}
            """, """[{"op": "add", "path": "/editableSchemaFieldInfo/f/globalTags/tags/urn:li:tag:x", "value": {"tag": "urn:li:tag:x"}}]""");

        ShouldBe(patched, $$$"""
            {"editableSchemaFieldInfo": [{"fieldPath": "f", "globalTags": {"tags": [{{{Attributed("urn:li:tag:x", SrcA)}}}, {"tag": "urn:li:tag:x"}]}}]}
            """);
    }

    [Fact]
    public void an_array_added_at_a_tag_replaces_every_source_of_it()
    {
        var patched = Apply("globalTags", $$$"""{"tags": [{{{Attributed("urn:li:tag:x", SrcA)}}}, {{{Attributed("urn:li:tag:x", SrcB)}}}]}""",
            """[{"op": "add", "path": "/tags/urn:li:tag:x", "value": [{"tag": "urn:li:tag:x"}]}]""");

        ShouldBe(patched, """{"tags": [{"tag": "urn:li:tag:x"}]}""");
    }

    [Fact]
    public void array_primary_keys_can_put_the_source_first_to_remove_everything_a_source_gave()
    {
        var patched = Apply("globalTags",
            $$$"""{"tags": [{{{Attributed("urn:li:tag:x", SrcA)}}}, {{{Attributed("urn:li:tag:x", SrcB)}}}, {{{Attributed("urn:li:tag:y", SrcA)}}}]}""",
            $$$"""{"patch": [{"op": "remove", "path": "/tags/{{{SrcA}}}"}], "arrayPrimaryKeys": {"tags": ["attribution␟source", "tag"]}}""");

        ShouldBe(patched, $$$"""{"tags": [{{{Attributed("urn:li:tag:x", SrcB)}}}]}""");
    }

    [Fact]
    public void terms_and_structured_properties_are_keyed_by_urn_then_source()
    {
        var terms = Apply("glossaryTerms", """{"terms": [{"urn": "urn:li:glossaryTerm:a"}], "auditStamp": {"time": 1, "actor": "urn:li:corpuser:x"}}""",
            """[{"op": "add", "path": "/terms/urn:li:glossaryTerm:b/", "value": {"urn": "urn:li:glossaryTerm:b"}}, {"op": "remove", "path": "/terms/urn:li:glossaryTerm:a", "value": {}}]""");
        var properties = Apply("structuredProperties", null, """
            [{"op": "add", "path": "/properties/urn:li:structuredProperty:p/", "value": {"propertyUrn": "urn:li:structuredProperty:p", "values": [{"string": "v"}]}}]
            """);

        ShouldBe(terms, """{"terms": [{"urn": "urn:li:glossaryTerm:b"}], "auditStamp": {"time": 1, "actor": "urn:li:corpuser:x"}}""");
        ShouldBe(properties, """{"properties": [{"propertyUrn": "urn:li:structuredProperty:p", "values": [{"string": "v"}]}]}""");
    }

    [Fact]
    public void documentation_is_keyed_by_source_and_institutional_memory_by_url()
    {
        var documentation = Apply("documentation", null, $$$"""
            [{"op": "add", "path": "/documentations/{{{SrcA}}}", "value": {"documentation": "from A", "attribution": {"source": "{{{SrcA}}}", "actor": "urn:li:corpuser:datahub", "time": 0} } },
             {"op": "add", "path": "/documentations/", "value": {"documentation": "by hand"}}]
            """);
        var memory = Apply("institutionalMemory",
            """{"elements": [{"url": "https://a", "description": "a", "createStamp": {"time": 1, "actor": "urn:li:corpuser:x"}}]}""",
            """[{"op": "add", "path": "/elements/https:~1~1b", "value": {"url": "https://b", "description": "b", "createStamp": {"time": 2, "actor": "urn:li:corpuser:x"}}}, {"op": "remove", "path": "/elements/https:~1~1a"}]""");

        ShouldBe(documentation, $$$"""
            {"documentations": [{"documentation": "from A", "attribution": {"source": "{{{SrcA}}}", "actor": "urn:li:corpuser:datahub", "time": 0}}, {"documentation": "by hand"}]}
            """);
        ShouldBe(memory, """{"elements": [{"url": "https://b", "description": "b", "createStamp": {"time": 2, "actor": "urn:li:corpuser:x"}}]}""");
    }

    [Fact]
    public void test_results_are_keyed_by_test_in_both_lists()
    {
        var patched = Apply("testResults", null, """
            [{"op": "add", "path": "/passing/urn:li:test:a", "value": {"test": "urn:li:test:a", "type": "SUCCESS"}},
             {"op": "add", "path": "/failing/urn:li:test:b", "value": {"test": "urn:li:test:b", "type": "FAILURE"}},
             {"op": "remove", "path": "/failing/urn:li:test:a"}]
            """);

        ShouldBe(patched, """{"passing": [{"test": "urn:li:test:a", "type": "SUCCESS"}], "failing": [{"test": "urn:li:test:b", "type": "FAILURE"}]}""");
    }

    [Fact]
    public void forms_and_prompts_are_keyed_by_urn_and_id_and_sorted_by_completion_afterwards()
    {
        const string stamp = """{"time": 1, "actor": "urn:li:corpuser:x"}""";
        var patched = Apply("forms", $$$"""
            {"incompleteForms": [{"urn": "urn:li:form:a", "incompletePrompts": [{"id": "p1", "lastModified": {{{stamp}}}}], "completedPrompts": []},
                                 {"urn": "urn:li:form:b", "incompletePrompts": [], "completedPrompts": []}],
             "completedForms": [], "verifications": [{"form": "urn:li:form:c"}]}
            """, $$$"""
            [{"op": "add", "path": "/forms/urn:li:form:a/prompts/p1", "value": {"id": "p1", "lastModified": {{{stamp}}}, "isComplete": true}},
             {"op": "add", "path": "/forms/urn:li:form:a/isComplete", "value": true},
             {"op": "add", "path": "/forms/urn:li:form:d", "value": {"urn": "urn:li:form:d"}},
             {"op": "remove", "path": "/verifications/urn:li:form:c"}]
            """);

        // A form added without a flag (d) counts as incomplete; every form gets both prompt lists.
        ShouldBe(patched, $$$"""
            {"incompleteForms": [{"urn": "urn:li:form:b", "incompletePrompts": [], "completedPrompts": []},
                                 {"urn": "urn:li:form:d", "incompletePrompts": [], "completedPrompts": []}],
             "completedForms": [{"urn": "urn:li:form:a", "incompletePrompts": [], "completedPrompts": [{"id": "p1", "lastModified": {{{stamp}}}}]}],
             "verifications": []}
            """);
    }

    [Theory]
    [InlineData("forms", """{"incompleteForms": [], "completedForms": []}""")]
    [InlineData("status", """{"removed": false}""")]
    [InlineData("glossaryTermInfo", """{"definition": "", "termSource": "INTERNAL", "customProperties": {}}""")]
    [InlineData("glossaryNodeInfo", """{"definition": "", "customProperties": {}}""")]
    [InlineData("siblings", """{"siblings": [], "primary": false}""")]
    [InlineData("dataProcessInstanceInput", """{"inputs": [], "inputEdges": []}""")]
    [InlineData("dataProcessInstanceOutput", """{"outputs": [], "outputEdges": []}""")]
    [InlineData("documentation", """{"documentations": []}""")]
    [InlineData("institutionalMemory", """{"elements": []}""")]
    [InlineData("domainProperties", "{}")]
    [InlineData("editableChartProperties", "{}")]
    [InlineData("editableDashboardProperties", "{}")]
    [InlineData("editableDataFlowProperties", "{}")]
    [InlineData("editableDataJobProperties", "{}")]
    [InlineData("editableMlModelProperties", "{}")]
    [InlineData("editableMlFeatureProperties", "{}")]
    [InlineData("editableMlFeatureTableProperties", "{}")]
    [InlineData("editableMlPrimaryKeyProperties", "{}")]
    public void an_absent_aspect_starts_from_datahubs_default(string aspect, string expected)
    {
        // Removing an absent key changes nothing, so the result is the default itself.
        ShouldBe(Apply(aspect, null, """[{"op": "remove", "path": "/customProperties/nope"}]"""), expected);
    }

    [Fact]
    public void version_properties_have_no_default_so_only_a_stored_value_can_be_patched()
    {
        const string patch = """[{"op": "add", "path": "/isLatest", "value": true}]""";

        Should.Throw<ValidationException>(() => Apply("versionProperties", null, patch)).Reason.ShouldContain("UPSERT");
        ShouldBe(Apply("versionProperties", """{"sortId": "1", "isLatest": false}""", patch), """{"sortId": "1", "isLatest": true}""");
    }
}
