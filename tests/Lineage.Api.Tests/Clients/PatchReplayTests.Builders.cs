using System.Net;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Clients;

/// <summary>
/// The proposals DataHub's own tests pin for its patch builders (<c>Clients/Fixtures/patch/README.md</c> names each
/// test and commit), sent as the REST emitter sends them; each result is what DataHub's server templates make of it.
/// </summary>
public abstract partial class PatchReplayTests
{
    private const string Tester = "urn:li:corpuser:tester";

    /// <summary>test_datajob_patch_builder: output edges whose urns hold a <c>/</c> (sent as <c>~1</c>), one case a job.</summary>
    [Fact]
    public async Task the_datajob_builders_escaped_output_edges_merge_by_urn_in_every_timestamp_case()
    {
        var proposals = await GoldenAsync("datajob_patch_builder.json", "252C34e5af19-0192-1000-b248-b1abee565b5d", _name);
        var folder2 = "urn:li:dataset:(urn:li:dataPlatform:s3,output-bucket/folder2,DEV)";
        var kept = new JsonObject { ["destinationUrn"] = Dataset("hive", _name + "_kept") };

        for (var i = 0; i < proposals.Count; i++)
        {
            var job = proposals[i]["entityUrn"]!.GetValue<string>().Replace("5ca6fee7-0192-1000-f206-dfbc2b0d8bfb", $"task{i}");
            proposals[i]["entityUrn"] = job;
            await _gms.UpsertAsync(job, "dataJobInputOutput", new JsonObject
            {
                ["inputDatasets"] = new JsonArray(), ["outputDatasets"] = new JsonArray(),
                ["outputDatasetEdges"] = new JsonArray(
                    new JsonObject { ["destinationUrn"] = folder2, ["created"] = Stamp(1, Tester) }, kept.DeepClone()),
            });

            await EmitOkAsync(proposals[i]);

            // Edges are keyed by the unescaped urn: folder2's edge is replaced where it stood, folder1 and folder3 join.
            var sent = Operations(proposals[i]).Select(op => op!["value"]!.DeepClone()).ToArray();
            await ShouldBeStored(job, "dataJobInputOutput", "com.linkedin.datajob.DataJobInputOutput", new JsonObject
            {
                ["inputDatasets"] = new JsonArray(), ["outputDatasets"] = new JsonArray(),
                ["outputDatasetEdges"] = new JsonArray(sent[2], kept.DeepClone(), sent[0], sent[1]),
                ["inputDatajobEdges"] = new JsonArray(), ["inputDatasetEdges"] = new JsonArray(),
                ["inputDatasetFields"] = new JsonArray(), ["outputDatasetFields"] = new JsonArray(), ["fineGrainedLineages"] = new JsonArray(),
            });
        }
    }

    /// <summary>test_basic_dataset_patch_builder: the established <c>/tags/&lt;tag&gt;</c> path beside an attributed entry.</summary>
    [Fact]
    public async Task the_dataset_builders_plain_tag_path_keeps_an_attributed_entry_of_the_same_tag()
    {
        var attributed = Parse("""
            {"tag": "urn:li:tag:test_tag", "attribution": {"source": "urn:li:dataHubAction:classifier", "actor": "urn:li:corpuser:datahub", "time": 0}}
            """);
        await _gms.UpsertAsync(Self, "globalTags", new JsonObject { ["tags"] = new JsonArray(attributed.DeepClone(), Parse("""{"tag": "urn:li:tag:other"}""")) });

        foreach (var proposal in await GoldenAsync("basic_dataset_patch.json")) await EmitOkAsync(proposal);

        // DataHub's newer GlobalTagsTemplate keys by tag, then attribution source: the unattributed entry joins.
        await ShouldBeStored(Self, "globalTags", "com.linkedin.common.GlobalTags", new JsonObject
        {
            ["tags"] = new JsonArray(attributed.DeepClone(), Parse("""{"tag": "urn:li:tag:test_tag"}"""), Parse("""{"tag": "urn:li:tag:other"}""")),
        });
    }

    /// <summary>
    /// test_mlmodel_patch_builder.py: MLModelPatchBuilder's setters, tags, owner and structured properties. DataHub has no
    /// mlModelProperties template, so its keyed <c>/mlFeatures/&lt;urn&gt;</c> paths are refused (400, nothing written).
    /// </summary>
    [Fact]
    public async Task the_ml_model_builders_proposals_patch_properties_tags_owners_and_structured_properties()
    {
        var proposals = await GoldenAsync("mlmodel_patch_builder.json", "fraud_detector_v3,", _name + ",");
        var model = proposals[0]["entityUrn"]!.GetValue<string>();
        const string featureB = "urn:li:mlFeature:(fraud_detection,customer_risk_score)";
        const string propA = "urn:li:structuredProperty:io.acryl.risk_verdict", propB = "urn:li:structuredProperty:io.acryl.last_checked";
        const string propC = "urn:li:structuredProperty:io.acryl.reviewer";
        await _gms.UpsertAsync(model, "mlModelProperties", Parse($$"""{"name": "fraud_detector_v2", "mlFeatures": ["{{featureB}}"], "customProperties": {"team": "risk"} }"""));
        await _gms.UpsertAsync(model, "structuredProperties", Parse($$"""
            {"properties": [{"propertyUrn": "{{propB}}", "values": [{"string": "2023-01-01"}]}, {"propertyUrn": "{{propC}}", "values": [{"string": "ana"}] }]}
            """));
        await _gms.UpsertAsync(model, "ownership", Parse("""
            {"owners": [{"owner": "urn:li:corpuser:ml_eng_sam", "type": "DATAOWNER"}], "lastModified": {"time": 1, "actor": "urn:li:corpuser:tester"}}
            """));

        foreach (var proposal in proposals.Where(p => !Operations(p).ToJsonString().Contains("/mlFeatures/"))) await EmitOkAsync(proposal);
        var features = await _gms.EmitAsync(proposals.Single(p => Operations(p).ToJsonString().Contains("/mlFeatures/")).DeepClone().AsObject());

        (await DataHubWire.ErrorAsync(features, HttpStatusCode.BadRequest)).ToJsonString().ShouldContain("aspect.value[0].path");
        await ShouldBeStored(model, "mlModelProperties", "com.linkedin.ml.metadata.MLModelProperties", Parse($$"""
            {"name": "fraud_detector_v3", "mlFeatures": ["{{featureB}}"], "customProperties": {"team": "risk"},
             "description": "Card fraud scorer.", "type": "gradient-boosted-trees", "externalUrl": "https://example.com/models/fraud",
             "version": {"versionTag": "3.1.0"}, "hyperParams": [{"name": "learning_rate", "value": "0.01"}]}
            """));
        // set_structured_property adds at /properties/<urn>/ (no source): B is replaced in place, C is untouched.
        await ShouldBeStored(model, "structuredProperties", "com.linkedin.structured.StructuredProperties", Parse($$"""
            {"properties": [{"propertyUrn": "{{propB}}", "values": [{"string": "2024-01-01T00:00:00Z"}]},
                            {"propertyUrn": "{{propC}}", "values": [{"string": "ana"}]},
                            {"propertyUrn": "{{propA}}", "values": [{"string": "BLOCK"}]}]}
            """));
        await ShouldBeStored(model, "globalTags", "com.linkedin.common.GlobalTags", Parse("""{"tags": [{"tag": "urn:li:tag:production"}]}"""));
        await ShouldBeStored(model, "ownership", "com.linkedin.common.Ownership", Parse("""
            {"owners": [{"owner": "urn:li:corpuser:ml_eng_sam", "type": "DATAOWNER"}, {"owner": "urn:li:corpuser:ml_eng_alex", "type": "TECHNICAL_OWNER"}],
             "lastModified": {"time": 1, "actor": "urn:li:corpuser:tester"}}
            """));
    }

    /// <summary>test_dataprocessinstance_patch.py, every test's proposal in turn on one run: inputs, outputs and their edges.</summary>
    [Fact]
    public async Task the_process_instance_builders_inputs_outputs_and_edges_merge_by_urn()
    {
        var proposals = await GoldenAsync("dataprocessinstance_patch.json", "test-instance", _name);
        var run = proposals[0]["entityUrn"]!.GetValue<string>();
        var (seedIn, seedOut) = (Dataset("hive", _name + "_in"), Dataset("hive", _name + "_out"));
        var (table, input1, input2, output1) = (Dataset("hive", "input_table"), Dataset("hive", "input1"), Dataset("hive", "input2"), Dataset("hive", "output1"));
        await _gms.UpsertAsync(run, "dataProcessInstanceInput", Parse($$"""{"inputs": ["{{seedIn}}"], "inputEdges": [{"destinationUrn": "{{seedIn}}"}]}"""));
        await _gms.UpsertAsync(run, "dataProcessInstanceOutput", Parse($$"""{"outputs": ["{{seedOut}}"]}"""));

        // add_input, remove_input, add_input_edge (a string, then an Edge): the input came and went, the edge stays.
        foreach (var proposal in proposals.Take(4)) await EmitOkAsync(proposal);
        await ShouldBeStored(run, "dataProcessInstanceInput", "com.linkedin.dataprocess.DataProcessInstanceInput", Parse($$"""
            {"inputs": ["{{seedIn}}"], "inputEdges": [{"destinationUrn": "{{seedIn}}"}, {"destinationUrn": "{{table}}"}]}
            """));

        foreach (var proposal in proposals.Skip(4)) await EmitOkAsync(proposal);
        await ShouldBeStored(run, "dataProcessInstanceInput", "com.linkedin.dataprocess.DataProcessInstanceInput", Parse($$"""
            {"inputs": ["{{seedIn}}", "{{input1}}"],
             "inputEdges": [{"destinationUrn": "{{seedIn}}"}, {"destinationUrn": "{{input1}}"}, {"destinationUrn": "{{input2}}"}]}
            """));
        // outputEdges was absent: every array the template keys is present after a patch.
        await ShouldBeStored(run, "dataProcessInstanceOutput", "com.linkedin.dataprocess.DataProcessInstanceOutput", Parse($$"""
            {"outputs": ["{{seedOut}}"], "outputEdges": [{"destinationUrn": "{{output1}}"}]}
            """));
    }

    /// <summary>test_structured_properties_patch.py (write_mode=PATCH): one property a path, the others kept.</summary>
    [Fact]
    public async Task the_structured_property_writer_patches_one_property_and_keeps_the_others()
    {
        var proposals = await GoldenAsync("structured_properties_patch.json", "db.schema.table", _name);
        var dataset = proposals[0]["entityUrn"]!.GetValue<string>();
        const string a = "urn:li:structuredProperty:io.acryl.classification", b = "urn:li:structuredProperty:io.acryl.retention";
        const string fromUi = "urn:li:structuredProperty:io.acryl.steward";
        await _gms.UpsertAsync(dataset, "structuredProperties", Parse($$"""
            {"properties": [{"propertyUrn": "{{b}}", "values": [{"string": "5 years"}]}, {"propertyUrn": "{{fromUi}}", "values": [{"string": "ana"}]}]}
            """));

        await EmitOkAsync(proposals[0]);
        await ShouldBeStored(dataset, "structuredProperties", "com.linkedin.structured.StructuredProperties", Parse($$"""
            {"properties": [{"propertyUrn": "{{b}}", "values": [{"string": "5 years"}]}, {"propertyUrn": "{{fromUi}}", "values": [{"string": "ana"}]},
                            {"propertyUrn": "{{a}}", "values": [{"string": "sensitive"}]}]}
            """));

        foreach (var proposal in proposals.Skip(1)) await EmitOkAsync(proposal);
        await ShouldBeStored(dataset, "structuredProperties", "com.linkedin.structured.StructuredProperties", Parse($$"""
            {"properties": [{"propertyUrn": "{{b}}", "values": [{"string": "7 years"}]}, {"propertyUrn": "{{fromUi}}", "values": [{"string": "ana"}]},
                            {"propertyUrn": "{{a}}", "values": [{"string": ""}]}]}
            """));
    }

    /// <summary>
    /// smoke-test common_patch_tests.py: the term, tag, owner and custom-property round trips DataHub runs against a
    /// live server, each step checked as the smoke test checks it, and in full.
    /// </summary>
    [Fact]
    public async Task the_smoke_tests_term_tag_owner_and_custom_property_patches_give_datahubs_results()
    {
        var steps = await GoldenAsync("common_patch_helpers.json");
        const string term = "urn:li:glossaryTerm:testTerm-fixture", newTerm = "urn:li:glossaryTerm:test-fixture";
        const string tag = "urn:li:tag:testTag-fixture", newTag = "urn:li:tag:test-fixture";
        var stamp = """{"time": 1718000000000, "actor": "urn:li:corpuser:tester"}""";
        await _gms.UpsertAsync(Self, "glossaryTerms", Parse($$"""{"terms": [{"urn": "{{term}}", "context": "test"}], "auditStamp": {{stamp}}}"""));
        await _gms.UpsertAsync(Self, "globalTags", Parse($$"""{"tags": [{"tag": "{{tag}}", "context": "test"}]}"""));
        await _gms.UpsertAsync(Self, "ownership", Parse($$"""{"owners": [{"owner": "urn:li:corpuser:jdoe", "type": "DATAOWNER"}], "lastModified": {{stamp}}}"""));
        await _gms.UpsertAsync(Self, "datasetProperties", Parse("""
            {"name": "users", "description": "kept", "customProperties": {"base_property": "base_property_value"}, "tags": []}
            """));

        async Task Step(int index, string aspect, string schemaClass, string expected)
        {
            await EmitOkAsync(steps[index]);
            await ShouldBeStored(Self, aspect, schemaClass, Parse(expected));
        }

        const string terms = "com.linkedin.common.GlossaryTerms", tags = "com.linkedin.common.GlobalTags";
        const string ownership = "com.linkedin.common.Ownership", properties = "com.linkedin.dataset.DatasetProperties";
        await Step(0, "glossaryTerms", terms, $$"""{"terms": [{"urn": "{{term}}", "context": "test"}, {"urn": "{{newTerm}}"}], "auditStamp": {{stamp}}}""");
        await Step(1, "glossaryTerms", terms, $$"""{"terms": [{"urn": "{{newTerm}}"}], "auditStamp": {{stamp}}}""");
        await Step(2, "globalTags", tags, $$"""{"tags": [{"tag": "{{tag}}", "context": "test"}, {"tag": "{{newTag}}"}]}""");
        await Step(3, "globalTags", tags, $$"""{"tags": [{"tag": "{{newTag}}"}]}""");
        await Step(4, "ownership", ownership, $$"""
            {"owners": [{"owner": "urn:li:corpuser:jdoe", "type": "DATAOWNER"}, {"owner": "urn:li:corpuser:gdoe", "type": "DATAOWNER"}], "lastModified": {{stamp}}}
            """);
        await Step(5, "ownership", ownership, $$"""{"owners": [{"owner": "urn:li:corpuser:jdoe", "type": "DATAOWNER"}], "lastModified": {{stamp}}}""");
        await Step(6, "datasetProperties", properties, """
            {"name": "users", "description": "kept", "tags": [],
             "customProperties": {"base_property": "base_property_value", "test_property": "test_value", "test_property1": "test_value1"}}
            """);
        await Step(7, "datasetProperties", properties, """
            {"name": "users", "description": "kept", "tags": [], "customProperties": {"base_property": "base_property_value", "test_property1": "test_value1"}}
            """);
        // set_custom_properties replaces the map; the other fields stay as they were.
        await Step(8, "datasetProperties", properties, """
            {"name": "users", "description": "kept", "tags": [], "customProperties": {"test_property": "test_value", "test_property1": "test_value1"}}
            """);
    }

    /// <summary>The operations of a golden proposal (its <c>aspect.value</c> is the JSON text the emitter sends).</summary>
    private static JsonArray Operations(JsonObject proposal) => JsonNode.Parse(proposal["aspect"]!["value"]!.GetValue<string>())!.AsArray();
}
