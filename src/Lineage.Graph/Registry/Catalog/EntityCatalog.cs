using Lineage.Graph.Urns;
using static Lineage.Graph.Registry.Catalog.CommonAspects;
using static Lineage.Graph.Registry.Catalog.DashboardAspects;
using static Lineage.Graph.Registry.Catalog.DatasetTimeseriesAspects;
using static Lineage.Graph.Registry.Catalog.DatasetAspects;
using static Lineage.Graph.Registry.Catalog.JobAspects;
using static Lineage.Graph.Registry.Catalog.MlAspects;
using static Lineage.Graph.Registry.Catalog.MlModelCardAspects;
using static Lineage.Graph.Registry.Catalog.PeopleAndTermAspects;
using static Lineage.Graph.Registry.Catalog.PlatformResourceAspects;
using static Lineage.Graph.Registry.Catalog.TestAspects;

namespace Lineage.Graph.Registry.Catalog;

/// <summary>
/// Every entity type and the aspects it accepts: DataHub's entity-registry.yml for the types Lineage serves, and for
/// the ML entities also every common aspect model.md §2 lists.
/// </summary>
internal static class EntityCatalog
{
    private const string Snapshot = "com.linkedin.metadata.snapshot.";

    private static EntitySpec Entity(string type, string snapshotClass, params AspectSpec[] aspects) =>
        new(EntityKeys.Find(type) ?? throw new InvalidOperationException($"No key spec for {type}"),
            [.. aspects.Select(a => a.Name)])
        {
            SnapshotClass = Snapshot + snapshotClass,
        };

    /// <summary>The common aspects every ML entity accepts (model.md §2 and entity-registry.yml).</summary>
    private static AspectSpec[] MlCommon =>
    [
        Ownership, GlobalTags, GlossaryTerms, Domains, Applications, Container, Status, Deprecation,
        InstitutionalMemory, BrowsePaths, BrowsePathsV2, DataPlatformInstance, SubTypes, StructuredProperties, Forms,
        TestResults,
    ];

    public static IEnumerable<EntitySpec> All =>
    [
        Entity("mlFeature", "MLFeatureSnapshot", [MlFeatureProperties, EditableMlFeatureProperties, .. MlCommon]),
        Entity("mlFeatureTable", "MLFeatureTableSnapshot",
            [MlFeatureTableProperties, EditableMlFeatureTableProperties, .. MlCommon]),
        Entity("mlPrimaryKey", "MLPrimaryKeySnapshot",
            [MlPrimaryKeyProperties, EditableMlPrimaryKeyProperties, .. MlCommon]),
        Entity("mlModel", "MLModelSnapshot",
        [
            MlModelProperties, EditableMlModelProperties, VersionProperties, IntendedUse, MlModelFactorPrompts,
            MlModelMetrics, MlModelEvaluationData, MlModelTrainingData, MlModelQuantitativeAnalyses,
            MlModelEthicalConsiderations, MlModelCaveatsAndRecommendations, SourceCode, Cost, .. MlCommon,
        ]),
        Entity("mlModelGroup", "MLModelGroupSnapshot",
            [MlModelGroupProperties, EditableMlModelGroupProperties, .. MlCommon]),
        Entity("mlModelDeployment", "MLModelDeploymentSnapshot",
            MlModelDeploymentProperties, Ownership, Status, Deprecation, GlobalTags, DataPlatformInstance, TestResults),
        Entity("dataset", "DatasetSnapshot",
            DatasetProperties, EditableDatasetProperties, UpstreamLineage, SchemaMetadata, EditableSchemaMetadata,
            ViewProperties, Siblings, SubTypes, Domains, Applications, Status, Container, Deprecation, TestResults, InstitutionalMemory,
            Ownership, GlobalTags, GlossaryTerms, BrowsePaths, DataPlatformInstance, BrowsePathsV2,
            StructuredProperties, Forms,
            DatasetProfile, DatasetUsageStatistics),
        Entity("dataJob", "DataJobSnapshot",
            DataJobInfo, DataJobInputOutput, EditableDataJobProperties, DataTransformLogic, Domains, Applications, Deprecation,
            Ownership, Status, GlobalTags, BrowsePaths, GlossaryTerms, InstitutionalMemory, DataPlatformInstance,
            BrowsePathsV2, StructuredProperties, Forms, SubTypes, TestResults, Container),
        Entity("dataFlow", "DataFlowSnapshot",
            DataFlowInfo, EditableDataFlowProperties, Domains, Applications, Deprecation, Ownership, Status,
            GlobalTags, BrowsePaths, GlossaryTerms, InstitutionalMemory, DataPlatformInstance, BrowsePathsV2,
            StructuredProperties, Forms, SubTypes, TestResults, Container),
        // DataHub has no snapshot class for this type (nor for the others named "…Snapshot" below without one).
        Entity("dataProcessInstance", "DataProcessInstanceSnapshot",
            DataProcessInstanceProperties, DataProcessInstanceInput, DataProcessInstanceOutput,
            DataProcessInstanceRelationships, DataProcessInstanceRunEvent, MlTrainingRunProperties, Status,
            TestResults, DataPlatformInstance, SubTypes, Container),
        Entity("dataPlatform", "DataPlatformSnapshot", DataPlatformInfo),
        Entity("dataPlatformInstance", "DataPlatformInstanceSnapshot",
            DataPlatformInstanceProperties, Ownership, GlobalTags, InstitutionalMemory, Deprecation, Status),
        Entity("corpuser", "CorpUserSnapshot",
            CorpUserInfo, CorpUserEditableInfo, CorpUserStatus, GlobalTags, Status, StructuredProperties, Forms,
            TestResults),
        Entity("corpGroup", "CorpGroupSnapshot",
            CorpGroupInfo, CorpGroupEditableInfo, GlobalTags, Ownership, Status, StructuredProperties, Forms,
            TestResults),
        Entity("tag", "TagSnapshot", TagProperties, Ownership, Deprecation, Status, TestResults),
        Entity("glossaryTerm", "GlossaryTermSnapshot",
            GlossaryTermInfo, InstitutionalMemory, SchemaMetadata, Ownership, Deprecation, Domains, Status,
            BrowsePaths, StructuredProperties, Forms, TestResults),
        Entity("glossaryNode", "GlossaryNodeSnapshot",
            GlossaryNodeInfo, InstitutionalMemory, Ownership, Status, StructuredProperties, Forms, TestResults),
        Entity("domain", "DomainSnapshot",
            DomainProperties, InstitutionalMemory, Ownership, StructuredProperties, Forms, TestResults),
        Entity("container", "ContainerSnapshot",
            ContainerProperties, EditableContainerProperties, DataPlatformInstance, SubTypes, Ownership, Container,
            GlobalTags, GlossaryTerms, InstitutionalMemory, BrowsePaths, Status, Domains, BrowsePathsV2,
            StructuredProperties, Forms, TestResults),
        Entity("ownershipType", "OwnershipTypeSnapshot", OwnershipTypeInfo, Status),
        Entity("chart", "ChartSnapshot",
            ChartInfo, EditableChartProperties, ChartQuery, BrowsePaths, Domains, Container, Deprecation, Ownership,
            Status, InstitutionalMemory, DataPlatformInstance, GlobalTags, GlossaryTerms, BrowsePathsV2, SubTypes,
            StructuredProperties, Forms, TestResults),
        Entity("dashboard", "DashboardSnapshot",
            DashboardInfo, EditableDashboardProperties, Domains, Container, Deprecation, SubTypes, Ownership, Status,
            GlobalTags, BrowsePaths, GlossaryTerms, InstitutionalMemory, DataPlatformInstance, BrowsePathsV2,
            StructuredProperties, Forms, TestResults),
        Entity("test", "TestSnapshot", TestInfo),
        // entity-registry.yml: versionSet (versionSetProperties), the target of versionProperties.versionSet;
        // platformResource (dataPlatformInstance, platformResourceInfo, status), MLflow's run users.
        Entity("versionSet", "VersionSetSnapshot", VersionSetProperties),
        Entity("platformResource", "PlatformResourceSnapshot", DataPlatformInstance, PlatformResourceInfo, Status),
        // A dataset's column (key schemaFieldKey {parent, fieldPath}), with the aspects of DataHub's registry that
        // Lineage has. Column lineage names it; its node exists once a schema or a column edge names it.
        Entity("schemaField", "SchemaFieldSnapshot",
            Status, GlobalTags, GlossaryTerms, Documentation, Deprecation, SubTypes, StructuredProperties, Forms,
            TestResults),
    ];
}
