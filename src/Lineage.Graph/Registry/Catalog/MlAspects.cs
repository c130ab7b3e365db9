using static Lineage.Graph.Registry.Catalog.CommonRecords;
using static Lineage.Graph.Registry.Schema;

namespace Lineage.Graph.Registry.Catalog;

/// <summary>The properties aspects of the ML entities (com.linkedin.ml.metadata.*, versionProperties).</summary>
/// <remarks>The model-card aspects of mlModel are in <see cref="MlModelCardAspects"/>.</remarks>
internal static class MlAspects
{
    private const string Ns = "com.linkedin.ml.metadata.";

    /// <summary>PDL's MLHyperParam and MLMetric have the same shape.</summary>
    private static RecordType NamedValue(string name) => Record(name,
        Required("name", Text),
        Optional("description", Text),
        Optional("value", Text),
        Optional("createdAt", Long));

    private static readonly RecordType MlHyperParam = NamedValue("MLHyperParam");

    private static readonly RecordType MlMetric = NamedValue("MLMetric");

    /// <summary>PDL's HyperParameterValueType = union[string, int, float, double, boolean].</summary>
    private static readonly UnionType HyperParameterValue = Union(
        Member("string", Text),
        Member("int", Int),
        Member("float", Float),
        Member("double", Schema.Double),
        Member("boolean", Bool));

    /// <summary>PDL's <c>includes MLModelLineageInfo</c> (models and model groups).</summary>
    private static readonly RecordType MlModelLineageInfo = Record("MLModelLineageInfo",
        Optional("trainingJobs", ListOf(EdgeTo("TrainedBy", LineageRole.TargetIsUpstream, "dataJob", "dataProcessInstance"))),
        Optional("downstreamJobs", ListOf(EdgeTo("UsedBy", LineageRole.TargetIsDownstream, "dataJob", "dataProcessInstance"))));

    /// <summary>
    /// customProperties is in model.md and newer PDL; hasOffline / hasOnline are from older PDL versions. sources may
    /// name a column (a schemaField), which DataHub refuses (datahub#18621): the feature is then DerivedFrom that column.
    /// </summary>
    public static readonly AspectSpec MlFeatureProperties = Aspect("mlFeatureProperties",
        Ns + "MLFeatureProperties",
        Record("MLFeatureProperties", [CustomProperties],
            Optional("description", Text),
            Optional("dataType", MlFeatureDataType),
            Optional("version", VersionTag),
            Optional("sources", ListOf(EdgeTo("DerivedFrom", LineageRole.TargetIsUpstream, "dataset", "schemaField"))),
            Optional("hasOffline", Bool),
            Optional("hasOnline", Bool)));

    /// <summary>hasOffline / hasOnline are from older PDL versions; sources may name a column, as a feature's may.</summary>
    public static readonly AspectSpec MlPrimaryKeyProperties = Aspect("mlPrimaryKeyProperties",
        Ns + "MLPrimaryKeyProperties",
        Record("MLPrimaryKeyProperties", [CustomProperties],
            Optional("description", Text),
            Optional("dataType", MlFeatureDataType),
            Optional("version", VersionTag),
            Required("sources", ListOf(EdgeTo("DerivedFrom", LineageRole.TargetIsUpstream, "dataset", "schemaField"))),
            Optional("hasOffline", Bool),
            Optional("hasOnline", Bool)));

    /// <summary>Contains and KeyedBy are lineage in Lineage (not in DataHub): the feature or key feeds the table.</summary>
    public static readonly AspectSpec MlFeatureTableProperties = Aspect("mlFeatureTableProperties",
        Ns + "MLFeatureTableProperties",
        Record("MLFeatureTableProperties", [CustomProperties],
            Optional("description", Text),
            Optional("mlFeatures", ListOf(EdgeTo("Contains", LineageRole.TargetIsUpstream, "mlFeature"))),
            Optional("mlPrimaryKeys", ListOf(EdgeTo("KeyedBy", LineageRole.TargetIsUpstream, "mlPrimaryKey")))));

    /// <summary>
    /// DeployedTo is not lineage in DataHub; model.md's table reads "model → deployment", so the deployment is downstream.
    /// </summary>
    public static readonly AspectSpec MlModelProperties = Aspect("mlModelProperties",
        Ns + "MLModelProperties",
        Record("MLModelProperties", [CustomProperties, ExternalReference, MlModelLineageInfo],
            Optional("name", Text),
            Optional("description", Text),
            Optional("date", Long),
            Optional("created", TimeStamp),
            Optional("lastModified", TimeStamp),
            Optional("version", VersionTag),
            Optional("type", Text),
            Optional("hyperParameters", MapOf(HyperParameterValue)),
            Optional("hyperParams", ListOf(MlHyperParam)),
            Optional("trainingMetrics", ListOf(MlMetric)),
            Optional("onlineMetrics", ListOf(MlMetric)),
            Optional("mlFeatures", ListOf(EdgeTo("Consumes", LineageRole.TargetIsUpstream, "mlFeature"))),
            Optional("tags", ListOf(Text)),
            Optional("deployments", ListOf(EdgeTo("DeployedTo", LineageRole.TargetIsDownstream, "mlModelDeployment"))),
            Optional("groups", ListOf(EdgeTo("MemberOf", LineageRole.TargetIsDownstream, "mlModelGroup")))));

    /// <summary>externalUrl is listed by model.md; the PDL read has no ExternalReference here.</summary>
    public static readonly AspectSpec MlModelGroupProperties = Aspect("mlModelGroupProperties",
        Ns + "MLModelGroupProperties",
        Record("MLModelGroupProperties", [CustomProperties, MlModelLineageInfo],
            Optional("name", Text),
            Optional("description", Text),
            Optional("createdAt", Long),
            Optional("created", TimeStamp),
            Optional("lastModified", TimeStamp),
            Optional("version", VersionTag),
            Optional("externalUrl", Text)));

    public static readonly AspectSpec MlModelDeploymentProperties = Aspect("mlModelDeploymentProperties",
        Ns + "MLModelDeploymentProperties",
        Record("MLModelDeploymentProperties", [CustomProperties, ExternalReference],
            Optional("description", Text),
            Optional("createdAt", Long),
            Optional("version", VersionTag),
            Optional("status", Enum("DeploymentStatus",
                "OUT_OF_SERVICE", "CREATING", "UPDATING", "ROLLING_BACK", "IN_SERVICE", "DELETING", "FAILED", "UNKNOWN"))));

    /// <summary>A run of an ML training job (a dataProcessInstance), as MLflow ingestion writes it.</summary>
    public static readonly AspectSpec MlTrainingRunProperties = Aspect("mlTrainingRunProperties",
        Ns + "MLTrainingRunProperties",
        Record("MLTrainingRunProperties", [CustomProperties, ExternalReference],
            Optional("id", Text),
            Optional("outputUrls", ListOf(Text)),
            Optional("hyperParams", ListOf(MlHyperParam)),
            Optional("trainingMetrics", ListOf(MlMetric))));

    private static AspectSpec EditableDescription(string name, string schemaClass) =>
        Aspect(name, Ns + schemaClass, Record(schemaClass, Optional("description", Text)));

    public static readonly AspectSpec EditableMlModelProperties =
        EditableDescription("editableMlModelProperties", "EditableMLModelProperties");

    public static readonly AspectSpec EditableMlModelGroupProperties =
        EditableDescription("editableMlModelGroupProperties", "EditableMLModelGroupProperties");

    public static readonly AspectSpec EditableMlFeatureProperties =
        EditableDescription("editableMlFeatureProperties", "EditableMLFeatureProperties");

    public static readonly AspectSpec EditableMlFeatureTableProperties =
        EditableDescription("editableMlFeatureTableProperties", "EditableMLFeatureTableProperties");

    public static readonly AspectSpec EditableMlPrimaryKeyProperties =
        EditableDescription("editableMlPrimaryKeyProperties", "EditableMLPrimaryKeyProperties");

    /// <summary>PDL's com.linkedin.versionset.VersioningScheme: how a version set sorts its versions.</summary>
    private static readonly EnumType VersioningScheme = Enum("VersioningScheme",
        "LEXICOGRAPHIC_STRING", "ALPHANUMERIC_GENERATED_BY_DATAHUB");

    /// <summary>
    /// PDL requires versionSet, version and sortId; model.md lists this among the ML aspects whose fields are all
    /// optional unless marked, and marks none, so Lineage accepts them absent. versioningScheme (defaulted to
    /// LEXICOGRAPHIC_STRING) is in DataHub's current PDL and in MLflow's golden output.
    /// </summary>
    public static readonly AspectSpec VersionProperties = Aspect("versionProperties",
        "com.linkedin.common.VersionProperties",
        Record("VersionProperties",
            Optional("versionSet", EdgeTo("VersionOf", LineageRole.None, "versionSet")),
            Optional("version", VersionTag),
            Optional("aliases", ListOf(VersionTag)),
            Optional("comment", Text),
            Optional("sortId", Text),
            Optional("versioningScheme", VersioningScheme),
            Optional("sourceCreatedTimestamp", AuditStamp),
            Optional("metadataCreatedTimestamp", AuditStamp),
            Optional("isLatest", Bool)));

    /// <summary>The versionSet entity's properties: the latest version (a plain Urn, no relationship) and the scheme.</summary>
    public static readonly AspectSpec VersionSetProperties = Aspect("versionSetProperties",
        "com.linkedin.versionset.VersionSetProperties",
        Record("VersionSetProperties", [CustomProperties],
            Required("latest", UrnOf()),
            Required("versioningScheme", VersioningScheme)));

    public static IEnumerable<AspectSpec> All =>
    [
        MlFeatureProperties, MlPrimaryKeyProperties, MlFeatureTableProperties, MlModelProperties,
        MlModelGroupProperties, MlModelDeploymentProperties, MlTrainingRunProperties,
        EditableMlModelProperties, EditableMlModelGroupProperties, EditableMlFeatureProperties,
        EditableMlFeatureTableProperties, EditableMlPrimaryKeyProperties, VersionProperties, VersionSetProperties,
    ];
}
