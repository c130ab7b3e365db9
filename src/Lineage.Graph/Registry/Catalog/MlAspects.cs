using static Lineage.Graph.Registry.Catalog.CommonRecords;
using static Lineage.Graph.Registry.Schema;

namespace Lineage.Graph.Registry.Catalog;

/// <summary>The aspects of the ML entities (com.linkedin.ml.metadata.*).</summary>
internal static class MlAspects
{
    public static readonly AspectSpec MlFeatureProperties = Aspect("mlFeatureProperties",
        "com.linkedin.ml.metadata.MLFeatureProperties",
        Record("MLFeatureProperties", [CustomProperties],
            Optional("description", Text),
            Optional("dataType", MlFeatureDataType),
            Optional("version", VersionTag),
            Optional("sources", ListOf(EdgeTo("DerivedFrom", LineageRole.TargetIsUpstream, "dataset"))),
            Optional("hasOffline", Bool),
            Optional("hasOnline", Bool)));

    public static IEnumerable<AspectSpec> All => [MlFeatureProperties];
}
