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
    private static readonly HashSet<string> JobFacetsRead = ["documentation", "ownership", "sql", "tags", "jobType", "sourceCode", "sourceCodeLocation"];
    private static readonly HashSet<string> RunFacetsRead = ["parent", "processing_engine", "airflow", "spark_version", "spark_jobDetails", "nominalTime", "tags"];
    private static readonly string[] SecretWords = ["SECRET", "TOKEN", "PASSWORD", "PASSWD", "PWD", "KEY", "CREDENTIAL", "AUTH"];
    private static readonly HashSet<string> DatasetFacetsRead = ["schema", "columnLineage", "documentation", "ownership", "tags"];

    public async Task<IReadOnlyList<Proposal>> MapAsync(OpenLineageEvent e, CancellationToken ct) => e switch
    {
        RunEvent run => await RunAsync(run, ct),
        JobEvent job => Job(job.Job, job.Producer, [], job.Inputs, job.Outputs, parentJob: null, emptyInputOutput: true),
        DatasetEvent dataset => Dataset(dataset.Dataset),
        _ => throw new InvalidOperationException($"unknown event {e.GetType().Name}"),
    };

    private async Task<List<Proposal>> RunAsync(RunEvent e, CancellationToken ct)
    {
        var names = JobNames.Of(e.Job.Namespace, e.Job.Name, e.Producer, e.Job.Facets, e.Run.Facets);
        var parent = Parent(e, names);
        var proposals = Job(e.Job, e.Producer, e.Run.Facets, e.Inputs, e.Outputs, parent?.Job, emptyInputOutput: false);
        var runId = RunIds.Normalise(e.Run.RunId, e.Job.Namespace, e.Job.Name);
        var run = UrnBuilders.DataProcessInstance(runId).ToString();
        var at = e.EventTime.ToUnixTimeMilliseconds();

        // The run's creation: its nominal start when the events say it, else its earliest event (its START),
        // whichever arrives first.
        var stored = await store.GetAspectAsync(run, "dataProcessInstanceProperties", 0, ct);
        var created = NominalStart(e.Run.Facets)
                      ?? (stored?.Value["created"]?["time"] is JsonValue t && t.GetValue<long>() < at ? t.GetValue<long>() : at);
        var properties = new AspectPatch(run, "dataProcessInstanceProperties")
            .Add(runId, "name")
            .Add(new JsonObject { ["time"] = created, ["actor"] = Actor }, "created")
            .AddProperties(RunProperties(e.Run.Facets));
        if (runId != e.Run.RunId) properties.Add(e.Run.RunId, "customProperties", "openlineage.runId");
        proposals.Add(properties.ToProposal());

        var relationships = new AspectPatch(run, "dataProcessInstanceRelationships")
            .Add(names.Job.ToString(), "parentTemplate")
            .Add(new JsonArray(), "upstreamInstances");
        if (parent?.Run is { } parentRun) relationships.Add(parentRun, "parentInstance");
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

    /// <summary>
    /// The job as a dataFlow and a dataJob (DataHub's OpenLineageJobMapper, newest): what it reads and writes, its
    /// parent job, owners, tags, code, and the datasets it names.
    /// </summary>
    private static List<Proposal> Job(
        OpenLineageJob job, string? producer, JsonObject runFacets, IReadOnlyList<OpenLineageDataset> inputs,
        IReadOnlyList<OpenLineageDataset> outputs, string? parentJob, bool emptyInputOutput)
    {
        var names = JobNames.Of(job.Namespace, job.Name, producer, job.Facets, runFacets);
        var (flow, dataJob) = (names.Flow.ToString(), names.Job.ToString());
        var description = Text(job.Facets["documentation"]?["description"]);
        var sql = Text(job.Facets["sql"]?["query"]);
        var sourceCode = job.Facets["sourceCode"];

        var flowInfo = new AspectPatch(flow, "dataFlowInfo").Add(names.FlowName, "name").AddProperties(FlowProperties(runFacets));
        var jobInfo = new AspectPatch(dataJob, "dataJobInfo")
            .Add(names.DisplayName, "name")
            .Add(new JsonObject { ["string"] = Text(job.Facets["jobType"]?["processingType"]) ?? names.Orchestrator }, "type")
            .Add(flow, "flowUrn")
            .AddProperties(JobProperties(runFacets))
            .AddProperties(job.Facets.Where(f => !JobFacetsRead.Contains(f.Key)).Select(f => Raw(f.Key, f.Value)));
        if (description is not null) jobInfo.Add(description, "description");
        if ((Text(job.Facets["sourceCodeLocation"]?["url"]) ?? Text(job.Facets["sourceCodeLocation"]?["repoUrl"])) is { } url)
            jobInfo.Add(url, "externalUrl");
        if (Text(sourceCode?["language"]) is { } language) jobInfo.Add(language, "customProperties", "openlineage.sourceCodeLanguage");
        List<Proposal> proposals = [flowInfo.ToProposal(), jobInfo.ToProposal()];

        // The job's code, as DataHub keeps it: its SQL and its source, each one query statement.
        var transforms = new JsonArray();
        if (sql is { Length: > 0 }) transforms.Add(new JsonObject { ["queryStatement"] = new JsonObject { ["value"] = sql, ["language"] = "SQL" } });
        if (Text(sourceCode?["sourceCode"]) is { Length: > 0 } code)
            transforms.Add(new JsonObject { ["queryStatement"] = new JsonObject { ["value"] = code, ["language"] = "UNKNOWN" } });
        if (transforms.Count > 0) proposals.Add(new Proposal(null, dataJob, ChangeType.Upsert, "dataTransformLogic", new JsonObject { ["transforms"] = transforms }));

        var io = new AspectPatch(dataJob, "dataJobInputOutput");
        foreach (var input in inputs) io.Add(new JsonObject { ["destinationUrn"] = UrnOf(input) }, "inputDatasetEdges", UrnOf(input));
        foreach (var output in outputs) io.Add(new JsonObject { ["destinationUrn"] = UrnOf(output) }, "outputDatasetEdges", UrnOf(output));
        if (parentJob is not null && parentJob != dataJob) io.Add(new JsonObject { ["destinationUrn"] = parentJob }, "inputDatajobEdges", parentJob);
        foreach (var dataset in inputs.Concat(outputs)) AddColumnLineage(io, dataset, sql);
        if (!io.IsEmpty || emptyInputOutput) proposals.Add(io.ToProposal());

        proposals.AddRange(Ownership(dataJob, job.Facets["ownership"]));
        var tags = new AspectPatch(dataJob, "globalTags");
        foreach (var tag in Tags(job.Facets["tags"]).Concat(Tags(runFacets["tags"])).Distinct()) tags.Add(new JsonObject { ["tag"] = tag }, "tags", tag);
        if (!tags.IsEmpty) proposals.Add(tags.ToProposal());

        foreach (var dataset in inputs.Concat(outputs)) proposals.AddRange(Dataset(dataset));
        return proposals;
    }

    /// <summary>
    /// The parent facet's run and job. The parent's run id is normalised with its own job, as the parent's own events
    /// normalise it; its job's orchestrator is the child's when the facet's producer names none (DataHub names it from
    /// the facet's producer alone, which for dbt gives a job nothing else writes).
    /// </summary>
    private static (string? Run, string? Job)? Parent(RunEvent e, JobNames child)
    {
        if (e.Run.Facets["parent"] is not JsonObject parent) return null;
        var (ns, name) = (Text(parent["job"]?["namespace"]), Text(parent["job"]?["name"]));
        var job = ns is { Length: > 0 } && name is { Length: > 0 }
            ? JobNames.Of(ns, name, Text(parent["_producer"]), [], [], fallbackOrchestrator: child.Orchestrator).Job.ToString()
            : null;
        var run = Text(parent["run"]?["runId"]) is { Length: > 0 } runId
            ? UrnBuilders.DataProcessInstance(ns is not null && name is not null ? RunIds.Normalise(runId, ns, name) : runId).ToString()
            : null;
        return (run, job);
    }

    private static long? NominalStart(JsonObject runFacets) =>
        Text(runFacets["nominalTime"]?["nominalStartTime"]) is { } text
        && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var start)
            ? start.ToUnixTimeMilliseconds()
            : null;

    /// <summary>
    /// The columnLineage facet as the job's fine-grained lineage: each field DownstreamOf the input fields it names,
    /// keyed as DataHub's DataJobInputOutput template keys it. The operation is DataHub's: the transformations' types and
    /// subtypes, then the job's SQL (TRANSFORM when there is neither); the confidence 1.0, as DataHub's newest mapping.
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
                _ => "TRANSFORM",
            };
            var downstream = Column(downstreamDataset.ToString(), field);
            foreach (var input in inputFields.OfType<JsonObject>())
            {
                if (Text(input["namespace"]) is not { } ns || Text(input["name"]) is not { } name || Text(input["field"]) is not { } column) continue;
                var upstream = Column(DatasetNames.UrnOf(ns, name).ToString(), column);
                io.Add(new JsonObject { ["confidenceScore"] = 1.0, ["upstreamType"] = "FIELD_SET", ["downstreamType"] = "FIELD_SET" },
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

        proposals.AddRange(Ownership(urn.ToString(), dataset.Facets["ownership"]));
        var tags = new AspectPatch(urn.ToString(), "globalTags");
        foreach (var tag in Tags(dataset.Facets["tags"]).Distinct()) tags.Add(new JsonObject { ["tag"] = tag }, "tags", tag);
        if (!tags.IsEmpty) proposals.Add(tags.ToProposal());
        return proposals;
    }

    /// <summary>
    /// DataHub's getSchemaMetadata: the facet's fields flattened depth first (<c>parent.child</c>), the facet's JSON as
    /// the raw schema (MySqlDDL for MySQL and MariaDB, else OtherSchema).
    /// </summary>
    private static JsonObject SchemaMetadata(Urn dataset, JsonArray fields)
    {
        var platform = dataset.Platform!.ToString();
        var raw = fields.ToJsonString();
        var flat = new JsonArray();
        FlattenFields(fields, "", flat);
        return new JsonObject
        {
            ["schemaName"] = "",
            ["platform"] = platform,
            ["version"] = 1,
            ["hash"] = "",
            ["platformSchema"] = dataset.PlatformName is "mysql" or "mariadb"
                ? new JsonObject { ["com.linkedin.schema.MySqlDDL"] = new JsonObject { ["tableSchema"] = raw } }
                : new JsonObject { ["com.linkedin.schema.OtherSchema"] = new JsonObject { ["rawSchema"] = raw } },
            ["fields"] = flat,
        };
    }

    private static void FlattenFields(JsonArray fields, string prefix, JsonArray into)
    {
        foreach (var field in fields.OfType<JsonObject>())
        {
            if (Text(field["name"]) is not { Length: > 0 } name) continue;
            var type = Text(field["type"]);
            var schemaField = new JsonObject
            {
                ["fieldPath"] = prefix + name,
                ["nativeDataType"] = type ?? "unknown",
                ["type"] = new JsonObject { ["type"] = new JsonObject { [$"com.linkedin.schema.{FieldType(type)}"] = new JsonObject() } },
            };
            if (Text(field["description"]) is { } description) schemaField["description"] = description;
            into.Add(schemaField);
            if (field["fields"] is JsonArray nested) FlattenFields(nested, prefix + name + ".", into);
        }
    }

    /// <summary>DataHub's newest type mapping of OpenLineage's field types.</summary>
    private static string FieldType(string? type) => type?.ToLowerInvariant() switch
    {
        "string" or "varchar" or "char" => "StringType",
        "boolean" or "bool" => "BooleanType",
        "bytes" or "binary" => "BytesType",
        "enum" => "EnumType",
        "byte" or "short" or "long" or "int" or "integer" or "double" or "float" or "decimal" or "numeric" => "NumberType",
        "timestamp" or "datetime" or "date" or "time" => "TimeType",
        "struct" or "record" or "map" or "object" => "MapType",
        "array" or "list" => "ArrayType",
        _ => "NullType",
    };

    /// <summary>
    /// The ownership facet as DataHub's newest mapping keeps it: owner <c>urn:li:corpuser:&lt;name&gt;</c>, type the
    /// facet's when DataHub knows it, else TECHNICAL_OWNER. Unlike DataHub, OpenLineage's <c>user:</c> and
    /// <c>team:</c> prefixes name a user and a group, and a name that makes no urn is left out.
    /// </summary>
    private static IEnumerable<Proposal> Ownership(string urn, JsonNode? facet)
    {
        var ownership = new AspectPatch(urn, "ownership");
        foreach (var entry in (facet?["owners"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (OwnerOf(Text(entry["name"])) is not { } owner) continue;
            var type = Text(entry["type"])?.ToUpperInvariant() is { } t && OwnershipTypes.Contains(t) ? t : "TECHNICAL_OWNER";
            ownership.Add(new JsonObject { ["owner"] = owner, ["type"] = type, ["source"] = new JsonObject { ["type"] = "SERVICE" } }, "owners", owner, type);
        }
        return ownership.IsEmpty ? [] : [ownership.ToProposal()];
    }

    private static readonly HashSet<string> OwnershipTypes =
    [
        "CUSTOM", "TECHNICAL_OWNER", "BUSINESS_OWNER", "DATA_STEWARD", "NONE", "DEVELOPER", "DATAOWNER", "DELEGATE", "PRODUCER",
        "CONSUMER", "STAKEHOLDER",
    ];

    private static string? OwnerOf(string? name)
    {
        if (name is not { Length: > 0 }) return null;
        try
        {
            return name.StartsWith("urn:li:", StringComparison.Ordinal) ? Urn.Parse(name, "owner").ToString()
                : name.StartsWith("team:", StringComparison.Ordinal) ? UrnBuilders.CorpGroup(name[5..]).ToString()
                : UrnBuilders.CorpUser(name.StartsWith("user:", StringComparison.Ordinal) ? name[5..] : name).ToString();
        }
        catch (Graph.Errors.ValidationException)
        {
            return null;
        }
    }

    /// <summary>
    /// A tags facet's tags: <c>key</c>, or <c>key:value</c> when the value says more than <c>true</c> (DataHub names the
    /// tag by its key alone). The client's own tag (source OPENLINEAGE_CLIENT, its version) is left out: it says nothing
    /// of the job, and would tag every job.
    /// </summary>
    private static IEnumerable<string> Tags(JsonNode? facet) =>
        (facet?["tags"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(t => Text(t["source"]) != "OPENLINEAGE_CLIENT")
            .Select(t => (Key: Text(t["key"]), Value: Text(t["value"])))
            .Select(t => t.Key is { Length: > 0 } key ? (t.Value is { Length: > 0 } v && v != "true" ? $"{key}:{v}" : key) : t.Value)
            .OfType<string>().Where(t => t.Length > 0)
            .Select(t => UrnBuilders.Tag(t).ToString());

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
                    if (Text(facet?["programmingLanguage"]) is { } language) yield return KeyValuePair.Create("programmingLanguage", language);
                    // A stack trace can be long; its head says what failed.
                    if (Text(facet?["stackTrace"]) is { } stack) yield return KeyValuePair.Create("stackTrace", stack.Length <= 16 * 1024 ? stack : stack[..(16 * 1024)]);
                    break;
                case "environmentVariables":
                    foreach (var variable in (facet?["environmentVariables"] as JsonArray ?? []).OfType<JsonObject>())
                    {
                        if (Text(variable["name"]) is not { Length: > 0 } variableName) continue;
                        var secret = SecretWords.Any(w => variableName.Contains(w, StringComparison.OrdinalIgnoreCase));
                        yield return KeyValuePair.Create($"env.{variableName}", secret ? "[REDACTED]" : Leaf(variable["value"]));
                    }
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

    /// <summary>A column's urn as DataHub's mapping writes it: the field name as OpenLineage gives it, not escaped.</summary>
    private static string Column(string dataset, string field) => $"urn:li:schemaField:({dataset},{field})";

    private static string UrnOf(OpenLineageDataset dataset) => DatasetNames.UrnOf(dataset.Namespace, dataset.Name).ToString();
}
