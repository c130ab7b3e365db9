using System.Text.Json.Nodes;
using Lineage.Api.OpenLineage.Events;
using Lineage.Graph.Storage;
using Lineage.Graph.Urns;
using Lineage.Graph.Writing;
using static Lineage.Api.OpenLineage.Mapping.Facets;

namespace Lineage.Api.OpenLineage.Mapping;

/// <summary>
/// Turns one OpenLineage event into the proposals that record it, as DataHub's OpenLineageToDataHub maps it (see
/// docs/openlineage-mapping.md for where Lineage differs): the job as a dataFlow and a dataJob with its inputs and
/// outputs, the run as a dataProcessInstance with its state as a dataProcessInstanceRunEvent, the datasets' schemas,
/// and column lineage as the job's fine-grained lineage. Every list and map is written by key (PATCH), so the events of
/// a run give the same result in any order, and a replayed event writes nothing new.
/// </summary>
internal sealed class EventMapper(IGraphStore store)
{
    private const string Actor = "urn:li:corpuser:datahub";
    private const string RunEventAspect = "dataProcessInstanceRunEvent";

    // Facets the mapping reads; every other facet is kept raw.
    private static readonly HashSet<string> JobFacetsRead = ["documentation", "ownership", "sql", "tags", "jobType"];
    private static readonly HashSet<string> RunFacetsRead = ["parent", "processing_engine", "airflow", "spark_version", "spark_jobDetails", "nominalTime"];
    private static readonly HashSet<string> DatasetFacetsRead = ["schema", "columnLineage", "documentation", "ownership", "symlinks"];

    public async Task<IReadOnlyList<Proposal>> MapAsync(OpenLineageEvent e, CancellationToken ct) => e switch
    {
        RunEvent run => await RunAsync(run, ct),
        JobEvent job => Job(job.Job, job.Producer, [], job.Inputs, job.Outputs),
        DatasetEvent dataset => Dataset(dataset.Dataset),
        _ => throw new InvalidOperationException($"unknown event {e.GetType().Name}"),
    };

    private async Task<List<Proposal>> RunAsync(RunEvent e, CancellationToken ct)
    {
        var proposals = Job(e.Job, e.Producer, e.Run.Facets, e.Inputs, e.Outputs);
        var names = JobNames.Of(e.Job.Namespace, e.Job.Name, e.Producer, e.Run.Facets);
        var run = UrnBuilders.DataProcessInstance(e.Run.RunId).ToString();
        var at = e.EventTime.ToUnixTimeMilliseconds();

        // The run's creation is its earliest event (its START), whichever arrives first.
        var stored = await store.GetAspectAsync(run, "dataProcessInstanceProperties", 0, ct);
        var created = stored?.Value["created"]?["time"] is JsonValue t && t.GetValue<long>() < at ? t.GetValue<long>() : at;
        proposals.Add(new AspectPatch(run, "dataProcessInstanceProperties")
            .Add(e.Run.RunId, "name")
            .Add(new JsonObject { ["time"] = created, ["actor"] = Actor }, "created")
            .AddProperties(RunProperties(e.Run.Facets))
            .ToProposal());

        var relationships = new AspectPatch(run, "dataProcessInstanceRelationships")
            .Add(names.Job.ToString(), "parentTemplate")
            .Add(new JsonArray(), "upstreamInstances");
        if (Text(e.Run.Facets["parent"]?["run"]?["runId"]) is { Length: > 0 } parentRun)
            relationships.Add(UrnBuilders.DataProcessInstance(parentRun).ToString(), "parentInstance");
        proposals.Add(relationships.ToProposal());

        var inputs = new AspectPatch(run, "dataProcessInstanceInput");
        foreach (var input in e.Inputs) inputs.Add(UrnOf(input), "inputs", UrnOf(input));
        if (!inputs.IsEmpty) proposals.Add(inputs.ToProposal());
        var outputs = new AspectPatch(run, "dataProcessInstanceOutput");
        foreach (var output in e.Outputs) outputs.Add(UrnOf(output), "outputs", UrnOf(output));
        if (!outputs.IsEmpty) proposals.Add(outputs.ToProposal());

        proposals.AddRange(await RunEventsAsync(run, e.EventType, at, ct));
        return proposals;
    }

    /// <summary>
    /// The run's state at this event, as DataHub records it: START and RUNNING are STARTED, COMPLETE a SUCCESS, FAIL
    /// and ABORT a FAILURE. An end carries its duration from the run's START, so a START that arrives after the end
    /// writes the end again with it. OTHER says nothing of the run's state and records none.
    /// </summary>
    private async Task<IEnumerable<Proposal>> RunEventsAsync(string run, string type, long at, CancellationToken ct)
    {
        if (type == "OTHER") return [];
        var kept = await store.GetTimeseriesValuesAsync(new TimeseriesQuery(run, RunEventAspect, null, null, 1000), ct);
        var starts = kept.Where(v => Text(v.Value["status"]) == "STARTED" && v.Value["result"] is null)
            .Select(v => v.Value["timestampMillis"]!.GetValue<long>()).ToList();
        if (type == "START") starts.Add(at);
        long? start = starts.Count > 0 ? starts.Min() : null;

        var events = new List<JsonObject> { RunState(type, at, start) };
        if (type == "START")
        {
            // Ends recorded before their START learn their duration now.
            events.AddRange(kept.Where(v => v.Value["result"] is not null && v.Value["durationMillis"] is null)
                .Select(v => RunState(Text(v.Value["result"]!["nativeResultType"]) ?? "COMPLETE", v.Value["timestampMillis"]!.GetValue<long>(), start)));
        }
        return events.Select(value => new Proposal(null, run, ChangeType.Upsert, RunEventAspect, value));
    }

    private static JsonObject RunState(string type, long at, long? start)
    {
        var state = new JsonObject { ["timestampMillis"] = at };
        switch (type)
        {
            case "START" or "RUNNING":
                state["status"] = "STARTED";
                break;
            default:
                state["status"] = "COMPLETE";
                state["result"] = new JsonObject { ["type"] = type == "COMPLETE" ? "SUCCESS" : "FAILURE", ["nativeResultType"] = type };
                if (start is { } began && began <= at) state["durationMillis"] = at - began;
                break;
        }
        return state;
    }

    /// <summary>The job as a dataFlow and a dataJob, what it reads and writes, and the datasets it names.</summary>
    private static List<Proposal> Job(
        OpenLineageJob job, string? producer, JsonObject runFacets, IReadOnlyList<OpenLineageDataset> inputs, IReadOnlyList<OpenLineageDataset> outputs)
    {
        var names = JobNames.Of(job.Namespace, job.Name, producer, runFacets);
        var (flow, dataJob) = (names.Flow.ToString(), names.Job.ToString());
        var description = Text(job.Facets["documentation"]?["description"]);
        var sql = Text(job.Facets["sql"]?["query"]);

        var flowInfo = new AspectPatch(flow, "dataFlowInfo").Add(names.FlowName, "name").AddProperties(FlowProperties(runFacets));
        if (description is not null) flowInfo.Add(description, "description");
        var jobInfo = new AspectPatch(dataJob, "dataJobInfo")
            .Add(names.DisplayName, "name")
            .Add(new JsonObject { ["string"] = names.Orchestrator }, "type")
            .Add(flow, "flowUrn")
            .AddProperties(JobProperties(runFacets))
            .AddProperties(job.Facets.Where(f => !JobFacetsRead.Contains(f.Key)).Select(f => Raw(f.Key, f.Value)));
        if (description is not null) jobInfo.Add(description, "description");
        if (sql is not null) jobInfo.Add(sql, "customProperties", "sql");
        List<Proposal> proposals = [flowInfo.ToProposal(), jobInfo.ToProposal()];

        var io = new AspectPatch(dataJob, "dataJobInputOutput");
        foreach (var input in inputs) io.Add(new JsonObject { ["destinationUrn"] = UrnOf(input) }, "inputDatasetEdges", UrnOf(input));
        foreach (var output in outputs) io.Add(new JsonObject { ["destinationUrn"] = UrnOf(output) }, "outputDatasetEdges", UrnOf(output));
        foreach (var dataset in inputs.Concat(outputs)) AddColumnLineage(io, dataset, sql);
        if (!io.IsEmpty) proposals.Add(io.ToProposal());

        var owners = Owners(job.Facets["ownership"]);
        if (owners.Count > 0)
        {
            var ownership = new AspectPatch(flow, "ownership");
            foreach (var owner in owners)
                ownership.Add(new JsonObject { ["owner"] = owner, ["type"] = "DEVELOPER", ["source"] = new JsonObject { ["type"] = "SERVICE" } }, "owners", owner, "DEVELOPER");
            proposals.Add(ownership.ToProposal());
        }
        if (job.Facets["tags"]?["tags"] is JsonArray tags && tags.Count > 0)
        {
            var globalTags = new AspectPatch(dataJob, "globalTags");
            foreach (var tag in tags.OfType<JsonObject>().Select(TagOf).OfType<string>().Distinct())
                globalTags.Add(new JsonObject { ["tag"] = tag }, "tags", tag);
            if (!globalTags.IsEmpty) proposals.Add(globalTags.ToProposal());
        }

        foreach (var dataset in inputs.Concat(outputs)) proposals.AddRange(Dataset(dataset));
        return proposals;
    }

    /// <summary>
    /// The columnLineage facet as the job's fine-grained lineage: each field DownstreamOf the input fields it names,
    /// keyed as DataHub's DataJobInputOutput template keys it. The operation is DataHub's: the transformations' types and
    /// subtypes, then the job's SQL; the confidence DataHub gives OpenLineage's column lineage, 0.5.
    /// </summary>
    private static void AddColumnLineage(AspectPatch io, OpenLineageDataset dataset, string? sql)
    {
        if (dataset.Facets["columnLineage"]?["fields"] is not JsonObject fields) return;
        var downstreamDataset = DatasetNames.UrnOf(dataset.Namespace, dataset.Name);
        foreach (var (field, lineage) in fields)
        {
            if (lineage?["inputFields"] is not JsonArray inputFields) continue;
            var transformations = inputFields.OfType<JsonObject>()
                .SelectMany(i => (i["transformations"] as JsonArray ?? []).OfType<JsonObject>())
                .Select(t => $"{Text(t["type"])}:{Text(t["subtype"])}")
                .Distinct().Order(StringComparer.OrdinalIgnoreCase).ToList();
            var operation = (transformations.Count > 0, sql is { Length: > 0 }) switch
            {
                (true, true) => $"-- {string.Join(",", transformations)}\n{sql}",
                (true, false) => string.Join(",", transformations),
                (false, true) => sql!,
                _ => "NONE",
            };
            var downstream = UrnBuilders.SchemaField(downstreamDataset, field).ToString();
            foreach (var input in inputFields.OfType<JsonObject>())
            {
                if (Text(input["namespace"]) is not { } ns || Text(input["name"]) is not { } name || Text(input["field"]) is not { } column) continue;
                var upstream = UrnBuilders.SchemaField(DatasetNames.UrnOf(ns, name), column).ToString();
                io.Add(new JsonObject { ["confidenceScore"] = 0.5, ["upstreamType"] = "FIELD_SET", ["downstreamType"] = "FIELD" },
                    "fineGrainedLineages", operation, downstream, "NONE", upstream);
            }
        }
    }

    /// <summary>A dataset's schema (DataHub's getSchemaMetadata), description, owners and other facets.</summary>
    private static List<Proposal> Dataset(OpenLineageDataset dataset)
    {
        var urn = DatasetNames.UrnOf(dataset.Namespace, dataset.Name);
        var proposals = new List<Proposal>();
        if (dataset.Facets["schema"]?["fields"] is JsonArray fields)
            proposals.Add(new Proposal(null, urn.ToString(), ChangeType.Upsert, "schemaMetadata", SchemaMetadata(urn, fields)));

        var properties = new AspectPatch(urn.ToString(), "datasetProperties")
            .AddProperties(dataset.Facets.Where(f => !DatasetFacetsRead.Contains(f.Key)).Select(f => Raw(f.Key, f.Value)));
        if (Text(dataset.Facets["documentation"]?["description"]) is { } description) properties.Add(description, "description");
        if (!properties.IsEmpty) proposals.Add(properties.ToProposal());

        var owners = Owners(dataset.Facets["ownership"]);
        if (owners.Count > 0)
        {
            var ownership = new AspectPatch(urn.ToString(), "ownership");
            foreach (var owner in owners)
                ownership.Add(new JsonObject { ["owner"] = owner, ["type"] = "DATAOWNER", ["source"] = new JsonObject { ["type"] = "SERVICE" } }, "owners", owner, "DATAOWNER");
            proposals.Add(ownership.ToProposal());
        }
        return proposals;
    }

    private static JsonObject SchemaMetadata(Urn dataset, JsonArray fields) => new()
    {
        ["schemaName"] = "",
        ["platform"] = dataset.Platform!.ToString(),
        ["version"] = 1,
        ["hash"] = "",
        ["platformSchema"] = new JsonObject { ["com.linkedin.schema.MySqlDDL"] = new JsonObject { ["tableSchema"] = fields.ToJsonString() } },
        ["fields"] = new JsonArray([.. fields.OfType<JsonObject>().Where(f => Text(f["name"]) is { Length: > 0 }).Select(f => (JsonNode)SchemaField(f))]),
    };

    private static JsonObject SchemaField(JsonObject field)
    {
        var type = Text(field["type"]);
        var schemaField = new JsonObject
        {
            ["fieldPath"] = Text(field["name"]),
            ["nativeDataType"] = type ?? "",
            ["type"] = new JsonObject { ["type"] = new JsonObject { [$"com.linkedin.schema.{FieldType(type)}"] = new JsonObject() } },
        };
        if (Text(field["description"]) is { } description) schemaField["description"] = description;
        return schemaField;
    }

    /// <summary>DataHub's convertOlFieldTypeToDHFieldType, with the other common spellings it leaves as NullType.</summary>
    private static string FieldType(string? type) => type?.ToLowerInvariant() switch
    {
        "string" or "varchar" or "text" or "char" => "StringType",
        "long" or "int" or "integer" or "bigint" or "smallint" or "double" or "float" or "decimal" or "number" => "NumberType",
        "timestamp" or "datetime" or "time" => "TimeType",
        "date" => "DateType",
        "boolean" or "bool" => "BooleanType",
        "struct" or "map" => "MapType",
        "array" => "ArrayType",
        _ => "NullType",
    };

    /// <summary>The ownership facet's owners as DataHub names them: <c>urn:li:corpuser:&lt;name&gt;</c>.</summary>
    private static List<string> Owners(JsonNode? facet) =>
        [.. (facet?["owners"] as JsonArray ?? []).Select(o => Text(o?["name"])).OfType<string>().Where(n => n.Length > 0)
            .Select(n => n.StartsWith("urn:li:", StringComparison.Ordinal) ? n : UrnBuilders.CorpUser(n).ToString()).Distinct()];

    private static string? TagOf(JsonObject tag) => Text(tag["key"]) is { Length: > 0 } key
        ? UrnBuilders.Tag(Text(tag["value"]) is { Length: > 0 } value && value != "true" ? $"{key}:{value}" : key).ToString()
        : null;

    /// <summary>The run facets DataHub flattens into the flow's custom properties.</summary>
    private static Dictionary<string, string> FlowProperties(JsonObject runFacets)
    {
        var properties = EngineProperties(runFacets);
        Flatten(runFacets["airflow"]?["dag"], properties);
        return properties;
    }

    /// <summary>The run facets DataHub flattens into the job's custom properties.</summary>
    private static Dictionary<string, string> JobProperties(JsonObject runFacets)
    {
        var properties = EngineProperties(runFacets);
        Flatten(runFacets["airflow"]?["task"], properties);
        if (runFacets["spark_jobDetails"] is JsonObject spark)
            foreach (var key in new[] { "jobId", "jobDescription", "jobGroup", "jobCallSite" })
                if (spark[key] is { } value) properties[key] = Leaf(value);
        return properties;
    }

    private static Dictionary<string, string> EngineProperties(JsonObject runFacets)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (runFacets["processing_engine"] is JsonObject engine)
        {
            if (Text(engine["name"]) is { } name) properties["processingEngine"] = name;
            if (Text(engine["version"]) is { } version) properties["processingEngineVersion"] = version;
            if (Text(engine["openlineageAdapterVersion"]) is { } adapter) properties["openlineageAdapterVersion"] = adapter;
        }
        if (runFacets["spark_version"] is JsonObject spark)
        {
            if (Text(spark["spark-version"]) is { } version) properties["spark-version"] = version;
            if (Text(spark["openlineage-spark-version"]) is { } adapter) properties["openlineage-spark-version"] = adapter;
        }
        return properties;
    }

    /// <summary>The run's own facets on its properties: the error of a failed run, its nominal time, and every other facet raw.</summary>
    private static IEnumerable<KeyValuePair<string, string>> RunProperties(JsonObject runFacets)
    {
        foreach (var (name, facet) in runFacets)
        {
            switch (name)
            {
                case "errorMessage":
                    if (Text(facet?["message"]) is { } message) yield return KeyValuePair.Create("errorMessage", message);
                    if (Text(facet?["programmingLanguage"]) is { } language) yield return KeyValuePair.Create("errorProgrammingLanguage", language);
                    yield return Raw(name, facet);
                    break;
                case "nominalTime":
                    if (Text(facet?["nominalStartTime"]) is { } start) yield return KeyValuePair.Create("nominalStartTime", start);
                    if (Text(facet?["nominalEndTime"]) is { } end) yield return KeyValuePair.Create("nominalEndTime", end);
                    break;
                case var _ when RunFacetsRead.Contains(name):
                    break;
                default:
                    yield return Raw(name, facet);
                    break;
            }
        }
    }

    private static string UrnOf(OpenLineageDataset dataset) => DatasetNames.UrnOf(dataset.Namespace, dataset.Name).ToString();
}
