using static Lineage.Graph.Registry.Catalog.CommonRecords;
using static Lineage.Graph.Registry.Schema;

namespace Lineage.Graph.Registry.Catalog;

/// <summary>The aspects of datasets (com.linkedin.dataset.*, com.linkedin.schema.*).</summary>
internal static class DatasetAspects
{
    private const string SchemaNs = "com.linkedin.schema.";

    public static readonly AspectSpec DatasetProperties = Aspect("datasetProperties",
        "com.linkedin.dataset.DatasetProperties",
        Record("DatasetProperties", [CustomProperties, ExternalReference],
            Optional("name", Text),
            Optional("qualifiedName", Text),
            Optional("description", Text),
            Optional("uri", Text),
            Optional("created", TimeStamp),
            Optional("lastModified", TimeStamp),
            Optional("tags", ListOf(Text))));

    public static readonly AspectSpec EditableDatasetProperties = Aspect("editableDatasetProperties",
        "com.linkedin.dataset.EditableDatasetProperties",
        Record("EditableDatasetProperties", [ChangeAuditStamps],
            Optional("description", Text),
            Optional("name", Text)));

    /// <summary>
    /// upstreams[].dataset is DownstreamOf, lineage; fineGrainedLineages[].upstreams are DownstreamOf too (to datasets
    /// and schemaFields), lineage in Lineage; the dataset's own downstream columns are not downstream of it.
    /// </summary>
    public static readonly AspectSpec UpstreamLineage = Aspect("upstreamLineage",
        "com.linkedin.dataset.UpstreamLineage",
        Record("UpstreamLineage",
            Required("upstreams", ListOf(Record("Upstream",
                Optional("auditStamp", AuditStamp),
                Optional("created", AuditStamp),
                Required("dataset", EdgeTo("DownstreamOf", LineageRole.TargetIsUpstream, "dataset")),
                Required("type", Enum("DatasetLineageType", "COPY", "TRANSFORMED", "VIEW")),
                Optional("properties", MapOf(Text)),
                Optional("query", UrnOf())))),
            Optional("fineGrainedLineages", ListOf(FineGrainedLineage(LineageRole.None)))));

    /// <summary>…/dataset/ViewProperties.pdl @7a9fa35; Unity Catalog and the SQL sources write it for views.</summary>
    public static readonly AspectSpec ViewProperties = Aspect("viewProperties",
        "com.linkedin.dataset.ViewProperties",
        Record("ViewProperties",
            Required("materialized", Bool),
            Required("viewLogic", Text),
            Optional("formattedViewLogic", Text),
            Required("viewLanguage", Text)));

    /// <summary>
    /// …/common/Siblings.pdl @2bd7e85: the same data seen through two platforms (a Unity Catalog table and its Delta
    /// Lake files, a dbt model and its warehouse table); each sibling is SiblingOf, not lineage.
    /// </summary>
    public static readonly AspectSpec Siblings = Aspect("siblings",
        "com.linkedin.common.Siblings",
        Record("Siblings",
            Required("siblings", ListOf(EdgeTo("SiblingOf", LineageRole.None, "dataset"))),
            Required("primary", Bool)));

    /// <summary>A member of a union of records: keyed by the record's full class name.</summary>
    private static UnionMember SchemaRecord(string name, params FieldSpec[] fields) =>
        Member(SchemaNs + name, Record(name, fields));

    /// <summary>PDL's SchemaMetadata.platformSchema: the native schema, one record class per kind.</summary>
    private static readonly UnionType PlatformSchema = Union(
        SchemaRecord("EspressoSchema", Required("documentSchema", Text), Required("tableSchema", Text)),
        SchemaRecord("OracleDDL", Required("tableSchema", Text)),
        SchemaRecord("MySqlDDL", Required("tableSchema", Text)),
        SchemaRecord("PrestoDDL", Required("rawSchema", Text)),
        SchemaRecord("KafkaSchema",
            Required("documentSchema", Text),
            Optional("documentSchemaType", Text),
            Optional("keySchema", Text),
            Optional("keySchemaType", Text)),
        SchemaRecord("BinaryJsonSchema", Required("schema", Text)),
        SchemaRecord("OrcSchema", Required("schema", Text)),
        SchemaRecord("Schemaless"),
        SchemaRecord("KeyValueSchema", Required("keySchema", Text), Required("valueSchema", Text)),
        SchemaRecord("OtherSchema", Required("rawSchema", Text)));

    /// <summary>PDL's SchemaFieldDataType: <c>{"type": {"com.linkedin.schema.StringType": {}}}</c>.</summary>
    private static readonly RecordType SchemaFieldDataType = Record("SchemaFieldDataType",
        Required("type", Union(
            SchemaRecord("BooleanType"),
            SchemaRecord("FixedType"),
            SchemaRecord("StringType"),
            SchemaRecord("BytesType"),
            SchemaRecord("NumberType"),
            SchemaRecord("DateType"),
            SchemaRecord("TimeType"),
            SchemaRecord("EnumType"),
            SchemaRecord("NullType"),
            SchemaRecord("MapType", Optional("keyType", Text), Optional("valueType", Text)),
            SchemaRecord("ArrayType", Optional("nestedType", ListOf(Text))),
            SchemaRecord("UnionType", Optional("nestedTypes", ListOf(Text))),
            SchemaRecord("RecordType"))));

    /// <summary>Tags and terms on a column are SchemaFieldTaggedWith and SchemaFieldWithGlossaryTerm edges, as in DataHub.</summary>
    private static readonly RecordType SchemaField = Record("SchemaField",
        Required("fieldPath", Text),
        Optional("jsonPath", Text),
        Optional("nullable", Bool),
        Optional("description", Text),
        Optional("label", Text),
        Optional("created", AuditStamp),
        Optional("lastModified", AuditStamp),
        Required("type", SchemaFieldDataType),
        Required("nativeDataType", Text),
        Optional("recursive", Bool),
        Optional("globalTags", GlobalTagsOf(EdgeTo("SchemaFieldTaggedWith", LineageRole.None, "tag"))),
        Optional("glossaryTerms", GlossaryTermsOf(EdgeTo("SchemaFieldWithGlossaryTerm", LineageRole.None, "glossaryTerm"))),
        Optional("isPartOfKey", Bool),
        Optional("isPartitioningKey", Bool),
        Optional("jsonProps", Text));

    private static readonly RecordType ForeignKeySpec = Record("ForeignKeySpec",
        Required("foreignKey", Union(
            SchemaRecord("DatasetFieldForeignKey",
                Required("parentDataset", UrnOf("dataset")),
                Required("currentFieldPaths", ListOf(Text)),
                Required("parentField", Text)),
            SchemaRecord("UrnForeignKey",
                Required("currentFieldPath", Text)))));

    private static readonly RecordType ForeignKeyConstraint = Record("ForeignKeyConstraint",
        Required("name", Text),
        Required("foreignFields", ListOf(EdgeTo("ForeignKeyTo", LineageRole.None, "schemaField"))),
        Required("sourceFields", ListOf(UrnOf())),
        Required("foreignDataset", EdgeTo("ForeignKeyToDataset", LineageRole.None, "dataset")));

    /// <summary>Includes SchemaMetadataKey (schemaName, platform, version) and ChangeAuditStamps.</summary>
    public static readonly AspectSpec SchemaMetadata = Aspect("schemaMetadata",
        SchemaNs + "SchemaMetadata",
        Record("SchemaMetadata", [ChangeAuditStamps],
            Required("schemaName", Text),
            Required("platform", UrnOf("dataPlatform")),
            Required("version", Long),
            Optional("dataset", UrnOf("dataset")),
            Optional("cluster", Text),
            Required("hash", Text),
            Required("platformSchema", PlatformSchema),
            Required("fields", ListOf(SchemaField)),
            Optional("primaryKeys", ListOf(Text)),
            Optional("foreignKeysSpecs", MapOf(ForeignKeySpec)),
            Optional("foreignKeys", ListOf(ForeignKeyConstraint))));

    public static readonly AspectSpec EditableSchemaMetadata = Aspect("editableSchemaMetadata",
        SchemaNs + "EditableSchemaMetadata",
        Record("EditableSchemaMetadata", [ChangeAuditStamps],
            Required("editableSchemaFieldInfo", ListOf(Record("EditableSchemaFieldInfo",
                Required("fieldPath", Text),
                Optional("description", Text),
                Optional("globalTags", GlobalTagsOf(EdgeTo("EditableSchemaFieldTaggedWith", LineageRole.None, "tag"))),
                Optional("glossaryTerms", GlossaryTermsOf(
                    EdgeTo("EditableSchemaFieldWithGlossaryTerm", LineageRole.None, "glossaryTerm"))))))));

    public static IEnumerable<AspectSpec> All =>
    [
        DatasetProperties, EditableDatasetProperties, UpstreamLineage, SchemaMetadata, EditableSchemaMetadata,
        ViewProperties, Siblings,
    ];
}
