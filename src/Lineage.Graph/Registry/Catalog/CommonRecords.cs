using static Lineage.Graph.Registry.Schema;

namespace Lineage.Graph.Registry.Catalog;

/// <summary>Records and enums that many aspects share (PDL's com.linkedin.common.* and com.linkedin.timeseries.*).</summary>
/// <remarks>
/// Fields are declared before the fields that use them: static readonly fields initialise in textual order.
/// PDL fields with a default value (<c>= []</c>, <c>= {…}</c>) are optional on the wire, so they are <c>Optional</c> here.
/// A plain PDL <c>Urn</c> is <c>UrnOf()</c> (any entity type); a typed ref (<c>DatasetUrn</c> …) names its type; a field
/// DataHub annotates with <c>@Relationship</c> is <c>EdgeTo</c> with DataHub's name, entity types and lineage (and the few
/// additions docs/registry-audit.md lists). Catalog files write <c>Schema.Double</c> in full: with ImplicitUsings
/// a bare <c>Double</c> is ambiguous with <c>System.Double</c>.
/// </remarks>
internal static class CommonRecords
{
    public static readonly RecordType AuditStamp = Record("AuditStamp",
        Required("time", Long),
        Required("actor", UrnOf()),
        Optional("impersonator", UrnOf()),
        Optional("message", Text));

    /// <summary>PDL's TimeStamp: an event time with an optional actor.</summary>
    public static readonly RecordType TimeStamp = Record("TimeStamp",
        Required("time", Long),
        Optional("actor", UrnOf()));

    /// <summary>PDL's <c>includes ChangeAuditStamps</c>; created and lastModified have defaults.</summary>
    public static readonly RecordType ChangeAuditStamps = Record("ChangeAuditStamps",
        Optional("created", AuditStamp),
        Optional("lastModified", AuditStamp),
        Optional("deleted", AuditStamp));

    public static readonly RecordType MetadataAttribution = Record("MetadataAttribution",
        Required("time", Long),
        Required("actor", UrnOf()),
        Optional("source", UrnOf()),
        Optional("sourceDetail", MapOf(Text)));

    public static readonly RecordType VersionTag = Record("VersionTag",
        Optional("versionTag", Text),
        Optional("metadataAttribution", MetadataAttribution));

    /// <summary>PDL's <c>includes CustomProperties</c>.</summary>
    public static readonly RecordType CustomProperties = Record("CustomProperties",
        Optional("customProperties", MapOf(Text)));

    /// <summary>PDL's <c>includes ExternalReference</c>.</summary>
    public static readonly RecordType ExternalReference = Record("ExternalReference",
        Optional("externalUrl", Text));

    /// <summary>
    /// PDL's Edge: a link to another entity with audit stamps, used by the newer *Edges fields. DataHub annotates the
    /// holding field at <c>/*/destinationUrn</c>, so the relationship is given here as the destination's type.
    /// </summary>
    public static RecordType EdgeOf(UrnType destination) => Record("Edge",
        Optional("sourceUrn", UrnOf()),
        Required("destinationUrn", destination),
        Optional("created", AuditStamp),
        Optional("lastModified", AuditStamp),
        Optional("properties", MapOf(Text)));

    /// <summary>The FabricType enum (a URN's origin, a flow's env …).</summary>
    public static readonly EnumType Fabric = Enum("FabricType", [.. Urns.FabricType.All]);

    public static readonly EnumType MlFeatureDataType = Enum("MLFeatureDataType",
        "USELESS", "NOMINAL", "ORDINAL", "BINARY", "COUNT", "TIME", "INTERVAL", "IMAGE", "VIDEO", "AUDIO",
        "TEXT", "MAP", "SEQUENCE", "SET", "CONTINUOUS", "BYTE", "UNKNOWN");

    /// <summary>PDL's GlobalTags record, with the tag URN field given (an edge on the aspect, a plain URN when nested).</summary>
    public static RecordType GlobalTagsOf(UrnType tag) => Record("GlobalTags",
        Required("tags", ListOf(Record("TagAssociation",
            Required("tag", tag),
            Optional("context", Text),
            Optional("attribution", MetadataAttribution)))));

    /// <summary>PDL's GlossaryTerms record, with the term URN field given (an edge on the aspect, a plain URN when nested).</summary>
    public static RecordType GlossaryTermsOf(UrnType term) => Record("GlossaryTerms",
        Required("terms", ListOf(Record("GlossaryTermAssociation",
            Required("urn", term),
            Optional("actor", UrnOf()),
            Optional("context", Text),
            Optional("attribution", MetadataAttribution)))),
        Required("auditStamp", AuditStamp));

    /// <summary>
    /// PDL's FineGrainedLineage (column-level lineage), shared by upstreamLineage and dataJobInputOutput. Its own
    /// annotations make DownstreamOf edges from the holder to the upstream fields or datasets, and Produces edges to
    /// the downstream fields. Lineage makes the DownstreamOf edges lineage (DataHub does not mark them): the holder
    /// depends on those columns, and entity-level lineage rolls them up to their datasets. The Produces role is the
    /// holder's: a dataset's own columns are not downstream of it, a job's output columns are.
    /// Field-to-field edges are not annotations; <see cref="Relationships.ColumnEdges"/> derives them.
    /// </summary>
    public static RecordType FineGrainedLineage(LineageRole downstreams) => Record("FineGrainedLineage",
        Required("upstreamType", Enum("FineGrainedLineageUpstreamType", "FIELD_SET", "DATASET", "NONE")),
        Optional("upstreams", ListOf(EdgeTo("DownstreamOf", LineageRole.TargetIsUpstream, "dataset", "schemaField"))),
        Required("downstreamType", Enum("FineGrainedLineageDownstreamType", "FIELD", "FIELD_SET")),
        Optional("downstreams", ListOf(EdgeTo("Produces", downstreams, "schemaField"))),
        Optional("transformOperation", Text),
        Optional("confidenceScore", Float),
        Optional("query", UrnOf()));

    private static readonly RecordType TimeWindowSize = Record("TimeWindowSize",
        Required("unit", Enum("CalendarInterval", "SECOND", "MINUTE", "HOUR", "DAY", "WEEK", "MONTH", "QUARTER", "YEAR")),
        Optional("multiple", Int));

    /// <summary>PDL's <c>includes TimeseriesAspectBase</c> for timeseries aspects.</summary>
    public static readonly RecordType TimeseriesAspectBase = Record("TimeseriesAspectBase",
        Required("timestampMillis", Long),
        Optional("eventGranularity", TimeWindowSize),
        Optional("partitionSpec", Record("PartitionSpec",
            Optional("type", Enum("PartitionType", "FULL_TABLE", "QUERY", "PARTITION")),
            Required("partition", Text),
            Optional("timePartition", Record("TimeWindow",
                Required("startTimeMillis", Long),
                Required("length", TimeWindowSize))))),
        Optional("messageId", Text));
}
