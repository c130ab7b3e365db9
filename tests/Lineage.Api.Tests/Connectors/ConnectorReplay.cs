using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Connectors;

/// <summary>
/// Turns a DataHub golden file (or DataHub's sample data, read as its file source reads it) into the requests DataHub's
/// <c>datahub-rest</c> sink sends for it (DataHub's metadata-ingestion/src/datahub/emitter/rest_emitter.py and
/// ingestion/sink/datahub_rest.py):
/// <list type="bullet">
/// <item>SYNC mode, <c>emitter.emit</c> per record: a snapshot (MCE) is <c>POST /entities?action=ingest</c> with
/// <c>{"entity": {"value": {"com.linkedin.metadata.snapshot.X": pre_json_transform(snapshot)}}, "systemMetadata": …}</c>;
/// a proposal (MCP) is <c>POST /aspects?action=ingestProposal</c> with <c>{"proposal": …, "async": "false"}</c>, the
/// aspect serialised a second time as a JSON string in <c>aspect.value</c> (the file writes it as an object in
/// <c>aspect.json</c>) with <c>contentType: application/json</c>, or for a PATCH the operations with
/// <c>application/json-patch+json</c>.</item>
/// <item>ASYNC_BATCH mode (<c>_emit_batch_wrapper</c>): each snapshot unpacked into one proposal per aspect
/// (<c>mcps_from_mce</c>), all of them sent in <c>POST /aspects?action=ingestProposalBatch</c> chunks of at most 200.</item>
/// </list>
/// Every record first gets <c>ensure_has_system_metadata</c>: the file's systemMetadata, or a default one, with the
/// client's id and version added to its properties.
/// </summary>
internal static class ConnectorReplay
{
    /// <summary>DataHub's batch limit per ingestProposalBatch request (BATCH_INGEST_MAX_PAYLOAD_LENGTH).</summary>
    public const int BatchLength = 200;

    /// <summary>
    /// DataHub's <c>@Aspect</c> name of each aspect class these files' snapshots hold (what <c>mcps_from_mce</c>
    /// reads from the class's ASPECT_NAME), so that unpacking a snapshot does not lean on Lineage's own registry.
    /// </summary>
    private static readonly Dictionary<string, string> AspectNames = new(StringComparer.Ordinal)
    {
        ["com.linkedin.chart.ChartInfo"] = "chartInfo",
        ["com.linkedin.common.BrowsePaths"] = "browsePaths",
        ["com.linkedin.common.Cost"] = "cost",
        ["com.linkedin.common.GlobalTags"] = "globalTags",
        ["com.linkedin.common.InstitutionalMemory"] = "institutionalMemory",
        ["com.linkedin.common.Ownership"] = "ownership",
        ["com.linkedin.common.Status"] = "status",
        ["com.linkedin.dashboard.DashboardInfo"] = "dashboardInfo",
        ["com.linkedin.dataplatform.DataPlatformInfo"] = "dataPlatformInfo",
        ["com.linkedin.dataset.DatasetProperties"] = "datasetProperties",
        ["com.linkedin.dataset.UpstreamLineage"] = "upstreamLineage",
        ["com.linkedin.datajob.DataFlowInfo"] = "dataFlowInfo",
        ["com.linkedin.datajob.DataJobInfo"] = "dataJobInfo",
        ["com.linkedin.datajob.DataJobInputOutput"] = "dataJobInputOutput",
        ["com.linkedin.glossary.GlossaryNodeInfo"] = "glossaryNodeInfo",
        ["com.linkedin.glossary.GlossaryTermInfo"] = "glossaryTermInfo",
        ["com.linkedin.identity.CorpGroupInfo"] = "corpGroupInfo",
        ["com.linkedin.identity.CorpUserInfo"] = "corpUserInfo",
        ["com.linkedin.identity.CorpUserStatus"] = "corpUserStatus",
        ["com.linkedin.ml.metadata.CaveatsAndRecommendations"] = "mlModelCaveatsAndRecommendations",
        ["com.linkedin.ml.metadata.EthicalConsiderations"] = "mlModelEthicalConsiderations",
        ["com.linkedin.ml.metadata.EvaluationData"] = "mlModelEvaluationData",
        ["com.linkedin.ml.metadata.IntendedUse"] = "intendedUse",
        ["com.linkedin.ml.metadata.Metrics"] = "mlModelMetrics",
        ["com.linkedin.ml.metadata.MLFeatureProperties"] = "mlFeatureProperties",
        ["com.linkedin.ml.metadata.MLFeatureTableProperties"] = "mlFeatureTableProperties",
        ["com.linkedin.ml.metadata.MLModelDeploymentProperties"] = "mlModelDeploymentProperties",
        ["com.linkedin.ml.metadata.MLModelGroupProperties"] = "mlModelGroupProperties",
        ["com.linkedin.ml.metadata.MLModelProperties"] = "mlModelProperties",
        ["com.linkedin.ml.metadata.MLPrimaryKeyProperties"] = "mlPrimaryKeyProperties",
        ["com.linkedin.ml.metadata.TrainingData"] = "mlModelTrainingData",
        ["com.linkedin.schema.EditableSchemaMetadata"] = "editableSchemaMetadata",
        ["com.linkedin.schema.SchemaMetadata"] = "schemaMetadata",
        ["com.linkedin.tag.TagProperties"] = "tagProperties",
    };

    /// <summary>Every aspect the file writes, in file order, as sent.</summary>
    public static IReadOnlyList<WrittenAspect> Aspects(DataHubFile file) =>
        [.. file.Entries.SelectMany((entry, index) => AspectsOf(index, entry, file.IsAvroJson))];

    /// <summary>SYNC mode: one request per file entry, in file order.</summary>
    public static IEnumerable<SinkRequest> OneByOne(DataHubFile file) =>
        file.Entries.Select((entry, index) => (Entry: entry, Aspects: AspectsOf(index, entry, file.IsAvroJson)))
            .Select(e => DataHubFile.IsSnapshot(e.Entry)
                ? new SinkRequest("/entities?action=ingest", IngestBody(e.Entry, e.Aspects), e.Aspects)
                : new SinkRequest("/aspects?action=ingestProposal",
                    new JsonObject { ["proposal"] = Proposal(e.Aspects[0], e.Entry), ["async"] = "false" }, e.Aspects));

    /// <summary>ASYNC_BATCH mode: snapshots unpacked into proposals, everything in ingestProposalBatch chunks.</summary>
    public static IEnumerable<SinkRequest> Batched(DataHubFile file) =>
        file.Entries.SelectMany((entry, index) => AspectsOf(index, entry, file.IsAvroJson).Select(a => (Aspect: a, Entry: entry)))
            .Chunk(BatchLength)
            .Select(chunk => new SinkRequest("/aspects?action=ingestProposalBatch", new JsonObject
            {
                ["proposals"] = new JsonArray([.. chunk.Select(c => (JsonNode)Proposal(c.Aspect, c.Entry))]),
                ["async"] = "false",
            }, [.. chunk.Select(c => c.Aspect)]));

    /// <summary>Sends every request in order and returns every refusal (a non-2xx answer), none left out.</summary>
    public static async Task<IReadOnlyList<Refusal>> SendAsync(DataHubWire gms, IEnumerable<SinkRequest> requests)
    {
        var refusals = new List<Refusal>();
        foreach (var request in requests)
        {
            using var response = await gms.Send(HttpMethod.Post, request.Path, request.Body);
            if (response.IsSuccessStatusCode) continue;
            var text = await response.Content.ReadAsStringAsync();
            JsonObject? error = null;
            try { error = JsonNode.Parse(text) as JsonObject; } catch (System.Text.Json.JsonException) { }
            refusals.Add(new Refusal((int)response.StatusCode, request.Aspects,
                error?["path"]?.ToString(), error?["message"]?.ToString() ?? text));
        }
        return refusals;
    }

    private static List<WrittenAspect> AspectsOf(int index, JsonObject entry, bool avroJson)
    {
        if (!DataHubFile.IsSnapshot(entry))
        {
            var urn = entry["entityUrn"]!.GetValue<string>();
            return [new WrittenAspect(index, entry["entityType"]!.GetValue<string>(), urn, entry["aspectName"]!.GetValue<string>(),
                DataHubFile.PreJsonTransform(DataHubFile.ProposalAspect(entry))!, entry["changeType"]?.GetValue<string>() ?? "UPSERT")];
        }
        var (_, snapshot) = DataHubFile.SnapshotOf(entry);
        var snapshotUrn = snapshot["urn"]!.GetValue<string>();
        return [.. snapshot["aspects"]!.AsArray().Select(a =>
        {
            var (cls, value) = a!.AsObject().Single();
            var aspectClass = DataHubFile.Rename(cls);
            var name = AspectNames.TryGetValue(aspectClass, out var n)
                ? n : throw new InvalidOperationException($"entry {index}: no DataHub aspect name listed for {cls}");
            var sent = avroJson ? AvroFileValues.AsClientWrites(aspectClass, value) : value;
            return new WrittenAspect(index, EntityTypeOf(snapshotUrn), snapshotUrn, name, DataHubFile.PreJsonTransform(sent)!.AsObject());
        })];
    }

    /// <summary>The snapshot with each aspect as the client writes it, under its class as DataHub's server spells it.</summary>
    private static JsonObject IngestBody(JsonObject entry, IReadOnlyList<WrittenAspect> aspects)
    {
        var (snapshotClass, snapshot) = DataHubFile.SnapshotOf(entry);
        var classes = snapshot["aspects"]!.AsArray().Select(a => DataHubFile.Rename(a!.AsObject().Single().Key)).ToList();
        var body = new JsonObject
        {
            ["urn"] = snapshot["urn"]!.DeepClone(),
            ["aspects"] = new JsonArray([.. aspects.Select((a, i) => (JsonNode)new JsonObject { [classes[i]] = a.Value.DeepClone() })]),
        };
        return new JsonObject
        {
            ["entity"] = new JsonObject { ["value"] = new JsonObject { [snapshotClass] = body } },
            ["systemMetadata"] = SystemMetadata(entry),
        };
    }

    /// <summary><c>pre_json_transform(mcp.to_obj())</c>: the aspect as a JSON string, the record's own systemMetadata.</summary>
    private static JsonObject Proposal(WrittenAspect aspect, JsonObject entry) => new()
    {
        ["entityType"] = aspect.EntityType,
        ["entityUrn"] = aspect.Urn,
        ["changeType"] = aspect.ChangeType,
        ["aspectName"] = aspect.AspectName,
        ["aspect"] = new JsonObject
        {
            ["value"] = aspect.Value.ToJsonString(new System.Text.Json.JsonSerializerOptions
            {
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default,
            }),
            ["contentType"] = aspect.IsPatch ? "application/json-patch+json" : "application/json",
        },
        ["systemMetadata"] = SystemMetadata(entry),
    };

    /// <summary><c>ensure_has_system_metadata</c>, then <c>to_obj</c>: defaults filled in, the client named in properties.</summary>
    private static JsonObject SystemMetadata(JsonObject entry)
    {
        var metadata = DataHubFile.PreJsonTransform(entry["systemMetadata"]) as JsonObject ?? new JsonObject { ["lastObserved"] = 1718000000000 };
        metadata["runId"] ??= "no-run-id-provided";
        metadata["lastRunId"] ??= "no-run-id-provided";
        if (metadata["properties"] is not JsonObject properties) metadata["properties"] = properties = new JsonObject();
        properties["clientId"] ??= "acryl-datahub";
        properties["clientVersion"] ??= "1.3.0";
        return metadata;
    }

    private static string EntityTypeOf(string urn) => urn.Split(':')[2];
}
