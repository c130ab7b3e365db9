using static Lineage.Graph.Registry.Schema;

namespace Lineage.Graph.Registry.Catalog;

/// <summary>
/// The aspect of platformResource (com.linkedin.platformresource.*): data of a platform that DataHub's core model does
/// not cover, such as the MLflow users a run's <c>created.actor</c> names.
/// </summary>
internal static class PlatformResourceAspects
{
    /// <summary>PDL's SerializedValue; blob is PDL bytes, a string on the wire.</summary>
    private static readonly RecordType SerializedValue = Record("SerializedValue",
        Required("blob", Text),
        Optional("contentType", Enum("SerializedValueContentType", "JSON", "BINARY")),
        Optional("schemaType", Enum("SerializedValueSchemaType", "AVRO", "PROTOBUF", "PEGASUS", "THRIFT", "JSON", "NONE")),
        Optional("schemaRef", Text));

    public static readonly AspectSpec PlatformResourceInfo = Aspect("platformResourceInfo",
        "com.linkedin.platformresource.PlatformResourceInfo",
        Record("PlatformResourceInfo",
            Required("resourceType", Text),
            Required("primaryKey", Text),
            Optional("secondaryKeys", ListOf(Text)),
            Optional("value", SerializedValue)));

    public static IEnumerable<AspectSpec> All => [PlatformResourceInfo];
}
