using Lineage.Graph.Registry;
using Lineage.Graph.Registry.Catalog;
using Lineage.Graph.Urns;
using static Lineage.Graph.Registry.Schema;

namespace Lineage.Graph.Tests.Writing;

/// <summary>
/// A small registry for write-path tests, declared like the catalog: a model-like aspect with edges, status,
/// ownership and dataPlatformInstance, over entity types the URN module knows.
/// </summary>
internal static class TestRegistry
{
    public static readonly AspectSpec MlModelProperties = Aspect("mlModelProperties", "com.linkedin.ml.metadata.MLModelProperties",
        Record("MLModelProperties",
            Optional("name", Text),
            Optional("description", Text),
            Optional("date", Long),
            Optional("tags", ListOf(Text)),
            Optional("hyperParams", ListOf(Record("MLHyperParam", Required("name", Text), Optional("value", Text)))),
            Optional("mlFeatures", ListOf(EdgeTo("Consumes", LineageRole.TargetIsUpstream, "mlFeature"))),
            Optional("groups", ListOf(EdgeTo("MemberOf", LineageRole.TargetIsDownstream, "mlModelGroup"))),
            Optional("customProperties", MapOf(Text))));

    public static readonly AspectSpec MlModelGroupProperties = Aspect("mlModelGroupProperties",
        "com.linkedin.ml.metadata.MLModelGroupProperties",
        Record("MLModelGroupProperties", Optional("name", Text), Optional("description", Text)));

    public static readonly AspectSpec Status = Aspect("status", "com.linkedin.common.Status",
        Record("Status", Optional("removed", Bool)));

    public static readonly AspectSpec Ownership = Aspect("ownership", "com.linkedin.common.Ownership",
        Record("Ownership",
            Required("owners", ListOf(Record("Owner",
                Required("owner", EdgeTo("OwnedBy", LineageRole.None, "corpuser", "corpGroup")),
                Required("type", Enum("OwnershipType", "TECHNICAL_OWNER", "BUSINESS_OWNER", "DATA_STEWARD", "NONE")))))));

    public static readonly AspectSpec DataPlatformInstance = Aspect("dataPlatformInstance", "com.linkedin.common.DataPlatformInstance",
        Record("DataPlatformInstance", Required("platform", UrnOf("dataPlatform")), Optional("instance", Text)));

    public static MetadataRegistry Registry { get; } = new(
        [MlModelProperties, MlModelGroupProperties, Status, Ownership, DataPlatformInstance, MlAspects.MlFeatureProperties],
        [
            Entity("mlModel", "mlModelProperties", "status", "ownership", "dataPlatformInstance"),
            Entity("mlModelGroup", "mlModelGroupProperties", "status", "ownership"),
            Entity("mlFeature", "mlFeatureProperties", "status", "ownership"),
            Entity("dataset", "status"),
            Entity("corpuser", "status"),
        ]);

    private static EntitySpec Entity(string type, params string[] aspects) => new(EntityKeys.Find(type)!, aspects);
}
