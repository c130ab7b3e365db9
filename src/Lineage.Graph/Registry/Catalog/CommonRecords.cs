using static Lineage.Graph.Registry.Schema;

namespace Lineage.Graph.Registry.Catalog;

/// <summary>Records and enums that many aspects share (PDL's com.linkedin.common.*).</summary>
internal static class CommonRecords
{
    public static readonly RecordType AuditStamp = Record("AuditStamp",
        Required("time", Long),
        Required("actor", UrnOf()),
        Optional("impersonator", UrnOf()),
        Optional("message", Text));

    public static readonly RecordType VersionTag = Record("VersionTag",
        Optional("versionTag", Text),
        Optional("metadataAttribution", Any));

    /// <summary>PDL's <c>includes CustomProperties</c>.</summary>
    public static readonly RecordType CustomProperties = Record("CustomProperties",
        Optional("customProperties", MapOf(Text)));

    /// <summary>PDL's <c>includes ExternalReference</c>.</summary>
    public static readonly RecordType ExternalReference = Record("ExternalReference",
        Optional("externalUrl", Text));

    public static readonly EnumType MlFeatureDataType = Enum("MLFeatureDataType",
        "USELESS", "NOMINAL", "ORDINAL", "BINARY", "COUNT", "TIME", "INTERVAL", "IMAGE", "VIDEO", "AUDIO",
        "TEXT", "MAP", "SEQUENCE", "SET", "CONTINUOUS", "BYTE", "UNKNOWN");
}
