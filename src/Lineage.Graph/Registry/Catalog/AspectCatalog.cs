namespace Lineage.Graph.Registry.Catalog;

/// <summary>Every aspect declaration, gathered from the catalog files.</summary>
internal static class AspectCatalog
{
    public static IEnumerable<AspectSpec> All =>
    [
        .. MlAspects.All,
        .. MlModelCardAspects.All,
        .. CommonAspects.All,
        .. DatasetAspects.All,
        .. JobAspects.All,
        .. PeopleAndTermAspects.All,
        .. DashboardAspects.All,
        .. DatasetTimeseriesAspects.All,
        .. TestAspects.All,
        .. PlatformResourceAspects.All,
    ];
}
