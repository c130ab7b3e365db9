using static Lineage.Graph.Registry.Catalog.CommonRecords;
using static Lineage.Graph.Registry.Schema;

namespace Lineage.Graph.Registry.Catalog;

/// <summary>The aspects of charts and dashboards (com.linkedin.chart.*, com.linkedin.dashboard.*).</summary>
/// <remarks>
/// The deprecated URN lists and the newer *Edges lists carry the edges DataHub's @Relationship annotations name
/// (Consumes, Contains, both lineage).
/// </remarks>
internal static class DashboardAspects
{
    private const string Chart = "com.linkedin.chart.";
    private const string Dashboard = "com.linkedin.dashboard.";

    private static readonly EnumType AccessLevel = Enum("AccessLevel", "PUBLIC", "PRIVATE");

    /// <summary>PDL's ChartDataSourceType = union[DatasetUrn]: a one-member union, sent wrapped (<c>{"string": …}</c>) or bare.</summary>
    private static readonly UnionType ChartDataSource =
        Union(Member("string", EdgeTo("Consumes", LineageRole.TargetIsUpstream, "dataset")));

    private static readonly UrnType ConsumedDataset = EdgeTo("Consumes", LineageRole.TargetIsUpstream, "dataset");

    private static readonly UrnType ContainedChart = EdgeTo("Contains", LineageRole.TargetIsUpstream, "chart");

    /// <summary>lastModified is a required ChangeAuditStamps record here, not PDL's <c>includes</c>.</summary>
    public static readonly AspectSpec ChartInfo = Aspect("chartInfo", Chart + "ChartInfo",
        Record("ChartInfo", [CustomProperties, ExternalReference],
            Required("title", Text),
            Required("description", Text),
            Required("lastModified", ChangeAuditStamps),
            Optional("chartUrl", Text),
            Optional("inputs", ListOf(ChartDataSource)),
            Optional("inputEdges", ListOf(EdgeOf(ConsumedDataset))),
            Optional("type", Enum("ChartType",
                "BAR", "PIE", "SCATTER", "TABLE", "TEXT", "LINE", "AREA", "HISTOGRAM", "BOX_PLOT", "WORD_CLOUD", "COHORT")),
            Optional("access", AccessLevel),
            Optional("lastRefreshed", Long)));

    public static readonly AspectSpec ChartQuery = Aspect("chartQuery", Chart + "ChartQuery",
        Record("ChartQuery",
            Required("rawQuery", Text),
            Required("type", Enum("ChartQueryType", "LOOKML", "SQL"))));

    public static readonly AspectSpec EditableChartProperties = Aspect("editableChartProperties",
        Chart + "EditableChartProperties",
        Record("EditableChartProperties", [ChangeAuditStamps],
            Optional("description", Text)));

    public static readonly AspectSpec DashboardInfo = Aspect("dashboardInfo", Dashboard + "DashboardInfo",
        Record("DashboardInfo", [CustomProperties, ExternalReference],
            Required("title", Text),
            Required("description", Text),
            Optional("charts", ListOf(ContainedChart)),
            Optional("chartEdges", ListOf(EdgeOf(ContainedChart))),
            Optional("datasets", ListOf(ConsumedDataset)),
            Optional("datasetEdges", ListOf(EdgeOf(ConsumedDataset))),
            Required("lastModified", ChangeAuditStamps),
            Optional("dashboardUrl", Text),
            Optional("access", AccessLevel),
            Optional("lastRefreshed", Long)));

    public static readonly AspectSpec EditableDashboardProperties = Aspect("editableDashboardProperties",
        Dashboard + "EditableDashboardProperties",
        Record("EditableDashboardProperties", [ChangeAuditStamps],
            Optional("description", Text)));

    public static IEnumerable<AspectSpec> All =>
    [
        ChartInfo, ChartQuery, EditableChartProperties, DashboardInfo, EditableDashboardProperties,
    ];
}
