using System.Text.Json.Nodes;
using Lineage.Graph.Errors;
using Lineage.Graph.Writing;
using Lineage.Graph.Writing.Patch;

namespace Lineage.Graph.Tests.Writing;

/// <summary>DataHub's keyed PATCH on plain values: keyed arrays, escapes, absent keys, defaults, the envelope.</summary>
public sealed class KeyedPatchTests
{
    private const long Now = 1_700_000_000_000;

    private static JsonObject Apply(string aspect, string? current, string patch) =>
        KeyedPatch.Apply(aspect, current is null ? null : JsonNode.Parse(current)!.AsObject(), JsonNode.Parse(patch), Now);

    private static void ShouldBe(JsonNode actual, string expected) =>
        JsonNode.DeepEquals(actual, JsonNode.Parse(expected)).ShouldBeTrue($"got {actual.ToJsonString()}");

    [Fact]
    public void a_tag_is_added_and_removed_by_its_urn_keeping_the_others_in_order()
    {
        var patched = Apply("globalTags", """{"tags": [{"tag": "urn:li:tag:a"}, {"tag": "urn:li:tag:b"}]}""",
            """[{"op": "remove", "path": "/tags/urn:li:tag:a", "value": {}}, {"op": "add", "path": "/tags/urn:li:tag:c", "value": {"tag": "urn:li:tag:c"}}]""");

        ShouldBe(patched, """{"tags": [{"tag": "urn:li:tag:b"}, {"tag": "urn:li:tag:c"}]}""");
    }

    [Fact]
    public void removing_an_absent_key_changes_nothing()
    {
        var patched = Apply("glossaryTerms", """{"terms": [{"urn": "urn:li:glossaryTerm:x"}], "auditStamp": {"time": 1, "actor": "urn:li:corpuser:a"}}""",
            """[{"op": "remove", "path": "/terms/urn:li:glossaryTerm:nope"}, {"op": "remove", "path": "/customProperties/nope"}]""");

        ShouldBe(patched, """{"terms": [{"urn": "urn:li:glossaryTerm:x"}], "auditStamp": {"time": 1, "actor": "urn:li:corpuser:a"}}""");
    }

    [Fact]
    public void escaped_segments_name_keys_with_slashes_and_tildes()
    {
        var patched = Apply("dataJobInfo", """{"name": "j", "type": "SQL", "customProperties": {}}""",
            """[{"op": "add", "path": "/customProperties/a~1b~0c", "value": "v"}]""");

        ShouldBe(patched, """{"name": "j", "type": "SQL", "customProperties": {"a/b~c": "v"}}""");
    }

    [Fact]
    public void an_absent_aspect_starts_from_the_template_default()
    {
        var patched = Apply("dataJobInputOutput", null,
            """
            [{"op": "add", "path": "/inputDatasetEdges/urn:li:dataset:(urn:li:dataPlatform:hive,a,PROD)", "value": {"destinationUrn": "urn:li:dataset:(urn:li:dataPlatform:hive,a,PROD)"}},
             {"op": "add", "path": "/outputDatasetFields/urn:li:schemaField:(urn:li:dataset:(urn:li:dataPlatform:hive,b,PROD),c)", "value": "urn:li:schemaField:(urn:li:dataset:(urn:li:dataPlatform:hive,b,PROD),c)"}]
            """);

        ShouldBe(patched, """
            {"inputDatajobEdges": [], "inputDatasetEdges": [{"destinationUrn": "urn:li:dataset:(urn:li:dataPlatform:hive,a,PROD)"}],
             "outputDatasetEdges": [], "fineGrainedLineages": [], "inputDatasetFields": [],
             "outputDatasetFields": ["urn:li:schemaField:(urn:li:dataset:(urn:li:dataPlatform:hive,b,PROD),c)"],
             "inputDatajobs": [], "inputDatasets": [], "outputDatasets": []}
            """);
    }

    [Fact]
    public void an_owner_path_without_a_type_removes_every_type_and_a_key_given_only_in_the_path_is_restored()
    {
        var patched = Apply("ownership",
            """{"owners": [{"owner": "urn:li:corpuser:a", "type": "TECHNICAL_OWNER"}, {"owner": "urn:li:corpuser:a", "type": "DATA_STEWARD"}], "lastModified": {"time": 1, "actor": "urn:li:corpuser:x"}}""",
            """[{"op": "remove", "path": "/owners/urn:li:corpuser:a"}, {"op": "add", "path": "/owners/urn:li:corpuser:b/BUSINESS_OWNER", "value": {}}]""");

        ShouldBe(patched, """{"owners": [{"owner": "urn:li:corpuser:b", "type": "BUSINESS_OWNER"}], "lastModified": {"time": 1, "actor": "urn:li:corpuser:x"}}""");
    }

    [Fact]
    public void removing_the_last_upstream_column_drops_its_fine_grained_lineage()
    {
        var patched = Apply("upstreamLineage", """
            {"upstreams": [], "fineGrainedLineages": [{"upstreamType": "FIELD_SET", "upstreams": ["urn:li:schemaField:(urn:li:dataset:(urn:li:dataPlatform:hive,u,PROD),a)"],
              "downstreamType": "FIELD", "downstreams": ["urn:li:schemaField:(urn:li:dataset:(urn:li:dataPlatform:hive,d,PROD),a)"], "transformOperation": "COPY", "query": "urn:li:query:q"}]}
            """,
            """[{"op": "remove", "path": "/fineGrainedLineages/COPY/urn:li:schemaField:(urn:li:dataset:(urn:li:dataPlatform:hive,d,PROD),a)/urn:li:query:q/urn:li:schemaField:(urn:li:dataset:(urn:li:dataPlatform:hive,u,PROD),a)"}]""");

        ShouldBe(patched, """{"upstreams": [], "fineGrainedLineages": []}""");
    }

    [Fact]
    public void the_envelope_keys_the_arrays_it_names_and_skips_the_template()
    {
        var patched = Apply("structuredProperties", """{"properties": [{"propertyUrn": "urn:li:structuredProperty:a", "values": [{"string": "x"}]}]}""",
            """{"patch": [{"op": "add", "path": "/properties/urn:li:structuredProperty:a/values", "value": [{"string": "y"}]}], "arrayPrimaryKeys": {"properties": ["propertyUrn"]}}""");

        ShouldBe(patched, """{"properties": [{"propertyUrn": "urn:li:structuredProperty:a", "values": [{"string": "y"}]}]}""");
    }

    [Fact]
    public void an_aspect_without_a_template_takes_plain_rfc_6902_with_indexes()
    {
        var patched = Apply("mlModelProperties", """{"groups": ["g1"]}""", """{"patch": [{"op": "add", "path": "/groups/-", "value": "g2"}]}""");

        ShouldBe(patched, """{"groups": ["g1", "g2"]}""");
    }

    [Theory]
    [InlineData("""[{"op": "add", "path": "/tags/urn:li:tag:a", "value": {}}, {"op": "jump", "path": "/x"}]""", "[1].op")]
    [InlineData("""{"patch": [{"op": "move", "from": "/nope", "path": "/x"}]}""", "patch[0].from")]
    [InlineData("""{"patch": [], "arrayPrimaryKeys": {"tags": "tag"}}""", "arrayPrimaryKeys.tags")]
    public void a_bad_patch_names_the_operation(string patch, string path)
    {
        Should.Throw<ValidationException>(() => Apply("globalTags", """{"tags": []}""", patch)).Path.ShouldBe(path);
    }
}
