using Lineage.Graph.Urns;

namespace Lineage.Graph.Registry.Catalog;

/// <summary>Every entity type and the aspects it accepts (DataHub's entity-registry.yml, for the types Lineage serves).</summary>
internal static class EntityCatalog
{
    private static EntitySpec Entity(string type, string snapshotClass, params string[] aspects) =>
        new(EntityKeys.Find(type) ?? throw new InvalidOperationException($"No key spec for {type}"), aspects)
        {
            SnapshotClass = snapshotClass,
        };

    public static IEnumerable<EntitySpec> All =>
    [
        Entity("mlFeature", "com.linkedin.metadata.snapshot.MLFeatureSnapshot", "mlFeatureProperties"),
    ];
}
