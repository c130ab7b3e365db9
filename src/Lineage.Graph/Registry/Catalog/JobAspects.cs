using static Lineage.Graph.Registry.Catalog.CommonRecords;
using static Lineage.Graph.Registry.Schema;

namespace Lineage.Graph.Registry.Catalog;

/// <summary>The aspects of data flows, data jobs and their runs (com.linkedin.datajob.*, com.linkedin.dataprocess.*).</summary>
/// <remarks>
/// Every URN field DataHub annotates is an edge with DataHub's name, target types and lineage
/// (tests/…/Registry/DataHubRelationshipTests.cs keeps the annotations, with the commit each was read at).
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
            Optional("flowUrn", EdgeTo("IsPartOf", LineageRole.None, "dataFlow")),
            Optional("created", TimeStamp),
            Optional("lastModified", TimeStamp),
            Optional("status", Enum("JobStatus",
                "STARTING", "IN_PROGRESS", "STOPPING", "STOPPED", "COMPLETED", "FAILED", "UNKNOWN", "SKIPPED")),
            Optional("env", Fabric)));

    private static readonly UrnType InputDataset = EdgeTo("Consumes", LineageRole.TargetIsUpstream, "dataset");
    private static readonly UrnType OutputDataset = EdgeTo("Produces", LineageRole.TargetIsDownstream, "dataset");
    private static readonly UrnType InputDatajob = EdgeTo("DownstreamOf", LineageRole.TargetIsUpstream, "dataJob");

    /// <summary>
    /// The deprecated URN lists and the newer *Edges lists carry the same edges. The column lists are lineage in Lineage
    /// (DataHub does not mark them): the job reads its input columns and writes its output columns.
    /// </summary>
    public static readonly AspectSpec DataJobInputOutput = Aspect("dataJobInputOutput", Job + "DataJobInputOutput",
        Record("DataJobInputOutput",
            Required("inputDatasets", ListOf(InputDataset)),
            Optional("inputDatasetEdges", ListOf(EdgeOf(InputDataset))),
            Required("outputDatasets", ListOf(OutputDataset)),
            Optional("outputDatasetEdges", ListOf(EdgeOf(OutputDataset))),
            Optional("inputDatajobs", ListOf(InputDatajob)),
            Optional("inputDatajobEdges", ListOf(EdgeOf(InputDatajob))),
            Optional("inputDatasetFields", ListOf(EdgeTo("Consumes", LineageRole.TargetIsUpstream, "schemaField"))),
            Optional("outputDatasetFields", ListOf(EdgeTo("Produces", LineageRole.TargetIsDownstream, "schemaField"))),
            Optional("fineGrainedLineages", ListOf(FineGrainedLineage(LineageRole.TargetIsDownstream)))));

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

    /// <summary>inputEdges is from newer PDL versions. inputs is lineage in DataHub; outputs (below) is not.</summary>
    public static readonly AspectSpec DataProcessInstanceInput = Aspect("dataProcessInstanceInput",
        Process + "DataProcessInstanceInput",
        Record("DataProcessInstanceInput",
            Required("inputs", ListOf(EdgeTo("Consumes", LineageRole.TargetIsUpstream, "dataset", "mlModel"))),
            Optional("inputEdges", ListOf(EdgeOf(EdgeTo("DataProcessInstanceConsumes", LineageRole.TargetIsUpstream,
                "dataset", "mlModel", "dataProcessInstance"))))));

    /// <summary>outputEdges is from newer PDL versions; it is lineage (the run feeds its outputs), outputs is not.</summary>
    public static readonly AspectSpec DataProcessInstanceOutput = Aspect("dataProcessInstanceOutput",
        Process + "DataProcessInstanceOutput",
        Record("DataProcessInstanceOutput",
            Required("outputs", ListOf(EdgeTo("Produces", LineageRole.None, "dataset", "mlModel"))),
            Optional("outputEdges", ListOf(EdgeOf(EdgeTo("DataProcessInstanceProduces", LineageRole.TargetIsDownstream,
                "dataset", "mlModel", "dataProcessInstance"))))));

    /// <summary>None is lineage: the PDL read (@3ea2b68) sets no isLineage on InstanceOf, ChildOf or UpstreamOf.</summary>
    public static readonly AspectSpec DataProcessInstanceRelationships = Aspect("dataProcessInstanceRelationships",
        Process + "DataProcessInstanceRelationships",
        Record("DataProcessInstanceRelationships",
            Optional("parentTemplate", EdgeTo("InstanceOf", LineageRole.None, "dataJob", "dataFlow", "dataset")),
            Optional("parentInstance", EdgeTo("ChildOf", LineageRole.None, "dataProcessInstance")),
            Required("upstreamInstances", ListOf(EdgeTo("UpstreamOf", LineageRole.None, "dataProcessInstance")))));

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
