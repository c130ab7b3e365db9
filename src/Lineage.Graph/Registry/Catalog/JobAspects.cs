using static Lineage.Graph.Registry.Catalog.CommonRecords;
using static Lineage.Graph.Registry.Schema;

namespace Lineage.Graph.Registry.Catalog;

/// <summary>The aspects of data flows, data jobs and their runs (com.linkedin.datajob.*, com.linkedin.dataprocess.*).</summary>
/// <remarks>
/// DataHub's relationships on run aspects (inputs Consumes, outputs Produces, outputEdges DataProcessInstanceProduces,
/// parentTemplate InstanceOf, parentInstance ChildOf, upstreamInstances UpstreamOf) are not in model.md's table, which
/// decides Lineage's edges, so those fields are plain URNs.
/// </remarks>
internal static class JobAspects
{
    private const string Job = "com.linkedin.datajob.";
    private const string Process = "com.linkedin.dataprocess.";

    public static readonly AspectSpec DataFlowInfo = Aspect("dataFlowInfo", Job + "DataFlowInfo",
        Record("DataFlowInfo", [CustomProperties, ExternalReference],
            Required("name", Text),
            Optional("description", Text),
            Optional("project", Text),
            Optional("created", TimeStamp),
            Optional("lastModified", TimeStamp),
            Optional("env", Fabric)));

    public static readonly AspectSpec EditableDataFlowProperties = Aspect("editableDataFlowProperties",
        Job + "EditableDataFlowProperties",
        Record("EditableDataFlowProperties", [ChangeAuditStamps],
            Optional("description", Text)));

    /// <summary>type is union[AzkabanJobType, string]: <c>{"string": "COMMAND"}</c>.</summary>
    public static readonly AspectSpec DataJobInfo = Aspect("dataJobInfo", Job + "DataJobInfo",
        Record("DataJobInfo", [CustomProperties, ExternalReference],
            Required("name", Text),
            Optional("description", Text),
            Required("type", Union(
                Member("com.linkedin.datajob.azkaban.AzkabanJobType", Enum("AzkabanJobType",
                    "COMMAND", "HADOOP_JAVA", "HADOOP_SHELL", "HIVE", "PIG", "SQL", "GLUE")),
                Member("string", Text))),
            Optional("flowUrn", UrnOf("dataFlow")),
            Optional("created", TimeStamp),
            Optional("lastModified", TimeStamp),
            Optional("status", Enum("JobStatus",
                "STARTING", "IN_PROGRESS", "STOPPING", "STOPPED", "COMPLETED", "FAILED", "UNKNOWN", "SKIPPED")),
            Optional("env", Fabric)));

    /// <summary>
    /// The deprecated URN lists carry the edges model.md's table names; the newer *Edges lists and the job-to-job
    /// and column fields are accepted as plain URNs.
    /// </summary>
    public static readonly AspectSpec DataJobInputOutput = Aspect("dataJobInputOutput", Job + "DataJobInputOutput",
        Record("DataJobInputOutput",
            Required("inputDatasets", ListOf(EdgeTo("Consumes", LineageRole.TargetIsUpstream, "dataset"))),
            Optional("inputDatasetEdges", ListOf(Edge)),
            Required("outputDatasets", ListOf(EdgeTo("Produces", LineageRole.TargetIsDownstream, "dataset"))),
            Optional("outputDatasetEdges", ListOf(Edge)),
            Optional("inputDatajobs", ListOf(UrnOf("dataJob"))),
            Optional("inputDatajobEdges", ListOf(Edge)),
            Optional("inputDatasetFields", ListOf(UrnOf())),
            Optional("outputDatasetFields", ListOf(UrnOf())),
            Optional("fineGrainedLineages", ListOf(FineGrainedLineage))));

    public static readonly AspectSpec EditableDataJobProperties = Aspect("editableDataJobProperties",
        Job + "EditableDataJobProperties",
        Record("EditableDataJobProperties", [ChangeAuditStamps],
            Optional("description", Text)));

    public static readonly AspectSpec DataProcessInstanceProperties = Aspect("dataProcessInstanceProperties",
        Process + "DataProcessInstanceProperties",
        Record("DataProcessInstanceProperties", [CustomProperties, ExternalReference],
            Required("name", Text),
            Optional("type", Enum("DataProcessType", "BATCH_SCHEDULED", "BATCH_AD_HOC", "STREAMING")),
            Required("created", AuditStamp)));

    /// <summary>inputEdges is from newer PDL versions.</summary>
    public static readonly AspectSpec DataProcessInstanceInput = Aspect("dataProcessInstanceInput",
        Process + "DataProcessInstanceInput",
        Record("DataProcessInstanceInput",
            Required("inputs", ListOf(UrnOf())),
            Optional("inputEdges", ListOf(Edge))));

    /// <summary>outputEdges is from newer PDL versions.</summary>
    public static readonly AspectSpec DataProcessInstanceOutput = Aspect("dataProcessInstanceOutput",
        Process + "DataProcessInstanceOutput",
        Record("DataProcessInstanceOutput",
            Required("outputs", ListOf(UrnOf())),
            Optional("outputEdges", ListOf(Edge))));

    public static readonly AspectSpec DataProcessInstanceRelationships = Aspect("dataProcessInstanceRelationships",
        Process + "DataProcessInstanceRelationships",
        Record("DataProcessInstanceRelationships",
            Optional("parentTemplate", UrnOf()),
            Optional("parentInstance", UrnOf()),
            Required("upstreamInstances", ListOf(UrnOf()))));

    /// <summary>A timeseries aspect. UP_FOR_RETRY and durationMillis are from newer PDL versions.</summary>
    public static readonly AspectSpec DataProcessInstanceRunEvent = Aspect("dataProcessInstanceRunEvent",
        Process + "DataProcessInstanceRunEvent",
        Record("DataProcessInstanceRunEvent", [TimeseriesAspectBase, ExternalReference],
            Required("status", Enum("DataProcessRunStatus", "STARTED", "COMPLETE")),
            Optional("attempt", Int),
            Optional("result", Record("DataProcessInstanceRunResult",
                Required("type", Enum("RunResultType", "SUCCESS", "FAILURE", "SKIPPED", "UP_FOR_RETRY")),
                Required("nativeResultType", Text))),
            Optional("durationMillis", Long))) with { IsTimeseries = true };

    public static IEnumerable<AspectSpec> All =>
    [
        DataFlowInfo, EditableDataFlowProperties, DataJobInfo, DataJobInputOutput, EditableDataJobProperties,
        DataProcessInstanceProperties, DataProcessInstanceInput, DataProcessInstanceOutput,
        DataProcessInstanceRelationships, DataProcessInstanceRunEvent,
    ];
}
