using Lineage.Graph.Registry;
using Lineage.Graph.Registry.Catalog;

namespace Lineage.Graph.Tests.Registry;

public sealed class RegistryTests
{
    private static readonly MetadataRegistry Registry = MetadataRegistry.Default;

    public static TheoryData<string, string> EntitiesAndSnapshots => new()
    {
        { "mlFeature", "com.linkedin.metadata.snapshot.MLFeatureSnapshot" },
        { "mlFeatureTable", "com.linkedin.metadata.snapshot.MLFeatureTableSnapshot" },
        { "mlModel", "com.linkedin.metadata.snapshot.MLModelSnapshot" },
        { "mlModelGroup", "com.linkedin.metadata.snapshot.MLModelGroupSnapshot" },
        { "mlPrimaryKey", "com.linkedin.metadata.snapshot.MLPrimaryKeySnapshot" },
        { "mlModelDeployment", "com.linkedin.metadata.snapshot.MLModelDeploymentSnapshot" },
        { "dataset", "com.linkedin.metadata.snapshot.DatasetSnapshot" },
        { "dataJob", "com.linkedin.metadata.snapshot.DataJobSnapshot" },
        { "dataFlow", "com.linkedin.metadata.snapshot.DataFlowSnapshot" },
        { "dataProcessInstance", "com.linkedin.metadata.snapshot.DataProcessInstanceSnapshot" },
        { "dataPlatform", "com.linkedin.metadata.snapshot.DataPlatformSnapshot" },
        { "dataPlatformInstance", "com.linkedin.metadata.snapshot.DataPlatformInstanceSnapshot" },
        { "corpuser", "com.linkedin.metadata.snapshot.CorpUserSnapshot" },
        { "corpGroup", "com.linkedin.metadata.snapshot.CorpGroupSnapshot" },
        { "tag", "com.linkedin.metadata.snapshot.TagSnapshot" },
        { "glossaryTerm", "com.linkedin.metadata.snapshot.GlossaryTermSnapshot" },
        { "glossaryNode", "com.linkedin.metadata.snapshot.GlossaryNodeSnapshot" },
        { "domain", "com.linkedin.metadata.snapshot.DomainSnapshot" },
        { "container", "com.linkedin.metadata.snapshot.ContainerSnapshot" },
        { "ownershipType", "com.linkedin.metadata.snapshot.OwnershipTypeSnapshot" },
        { "chart", "com.linkedin.metadata.snapshot.ChartSnapshot" },
        { "dashboard", "com.linkedin.metadata.snapshot.DashboardSnapshot" },
        { "test", "com.linkedin.metadata.snapshot.TestSnapshot" },
        { "versionSet", "com.linkedin.metadata.snapshot.VersionSetSnapshot" },
        { "platformResource", "com.linkedin.metadata.snapshot.PlatformResourceSnapshot" },
        { "schemaField", "com.linkedin.metadata.snapshot.SchemaFieldSnapshot" },
    };

    [Fact]
    public void the_registry_builds_from_the_catalog()
    {
        var registry = new MetadataRegistry(AspectCatalog.All, EntityCatalog.All);

        registry.Entities.Count().ShouldBe(EntitiesAndSnapshots.Count());
        registry.Aspects.Count().ShouldBe(AspectCatalog.All.Count() + registry.Entities.Count());
    }

    [Theory]
    [MemberData(nameof(EntitiesAndSnapshots))]
    public void each_entity_type_is_declared_with_its_snapshot_class(string entityType, string snapshotClass)
    {
        var entity = Registry.Entity(entityType);

        entity.ShouldNotBeNull();
        entity.SnapshotClass.ShouldBe(snapshotClass);
    }

    [Fact]
    public void every_aspect_an_entity_lists_resolves_and_its_key_aspect_exists()
    {
        foreach (var entity in Registry.Entities)
        {
            entity.AspectNames.ShouldNotBeEmpty(entity.EntityType);
            entity.AspectNames.ShouldBeUnique(entity.EntityType);
            foreach (var name in entity.AspectNames)
                Registry.AspectOf(entity.EntityType, name).ShouldNotBeNull($"{entity.EntityType}.{name}");

            var key = Registry.KeyAspect(entity.EntityType);
            key.IsKey.ShouldBeTrue();
            key.Name.ShouldBe(entity.Key.KeyAspectName);
            Registry.AspectOf(entity.EntityType, key.Name).ShouldBe(key);
            key.Schema.Fields.Select(f => f.Name).ShouldBe(entity.Key.Parts.Select(p => p.Name));
        }
    }

    [Fact]
    public void aspect_names_and_schema_class_names_are_unique()
    {
        var all = AspectCatalog.All.Concat(Registry.Entities.Select(e => Registry.KeyAspect(e.EntityType))).ToList();

        all.Select(a => a.Name).ShouldBeUnique();
        all.Select(a => a.SchemaClass).ShouldBeUnique();
        all.ShouldAllBe(a => a.SchemaClass.StartsWith("com.linkedin.", StringComparison.Ordinal));
        foreach (var aspect in AspectCatalog.All)
            Registry.AspectByClass(aspect.SchemaClass).ShouldBe(aspect);
    }

    [Fact]
    public void no_aspect_schema_has_an_unset_field_type()
    {
        foreach (var aspect in AspectCatalog.All)
        {
            var unset = SchemaPath.AllTypes(aspect.Schema).Where(t => t.Type is null).Select(t => t.Path).ToList();
            unset.ShouldBeEmpty($"{aspect.Name} reads a declaration before it is initialised");
        }
    }

    /// <summary>
    /// DataHub decides lineage per annotated field, not per name: Consumes is lineage from a job's input datasets but not
    /// from its input columns. Each edge carries its own role (DataHubRelationshipTests checks every field).
    /// </summary>
    [Fact]
    public void a_relationship_name_may_be_lineage_on_one_field_and_not_on_another()
    {
        // A job's output datasets are downstream of it; a dataset's own columns, named by its fine-grained lineage, are not.
        var roles = Registry.Relationships().Where(r => r.Name == "Produces").Select(r => r.Lineage).Distinct().ToList();

        roles.ShouldBe([LineageRole.TargetIsDownstream, LineageRole.None], ignoreOrder: true);
    }

    [Fact]
    public void the_ml_entities_accept_every_common_aspect_model_md_lists()
    {
        string[] common =
        [
            "ownership", "globalTags", "glossaryTerms", "domains", "container", "status", "deprecation",
            "institutionalMemory", "browsePathsV2", "dataPlatformInstance", "subTypes", "structuredProperties",
            "applications", "testResults",
        ];

        foreach (var type in new[] { "mlFeature", "mlFeatureTable", "mlModel", "mlModelGroup", "mlPrimaryKey" })
        foreach (var aspect in common)
            Registry.AspectOf(type, aspect).ShouldNotBeNull($"{type} should accept {aspect}");
    }

    [Theory]
    [InlineData("mlFeature", "mlFeatureProperties", "editableMlFeatureProperties")]
    [InlineData("mlFeatureTable", "mlFeatureTableProperties", "editableMlFeatureTableProperties")]
    [InlineData("mlPrimaryKey", "mlPrimaryKeyProperties", "editableMlPrimaryKeyProperties")]
    [InlineData("mlModelGroup", "mlModelGroupProperties", "editableMlModelGroupProperties")]
    [InlineData("mlModel", "mlModelProperties", "editableMlModelProperties", "versionProperties", "intendedUse",
        "mlModelMetrics", "mlModelTrainingData", "mlModelEvaluationData", "cost", "sourceCode")]
    [InlineData("dataset", "datasetProperties", "editableDatasetProperties", "upstreamLineage", "schemaMetadata",
        "viewProperties", "siblings")]
    [InlineData("dataJob", "dataJobInfo", "dataJobInputOutput", "editableDataJobProperties")]
    [InlineData("dataFlow", "dataFlowInfo", "editableDataFlowProperties")]
    [InlineData("dataProcessInstance", "dataProcessInstanceProperties", "dataProcessInstanceInput",
        "dataProcessInstanceOutput", "dataProcessInstanceRelationships", "dataProcessInstanceRunEvent")]
    [InlineData("corpuser", "corpUserInfo", "corpUserEditableInfo", "corpUserStatus")]
    [InlineData("corpGroup", "corpGroupInfo", "corpGroupEditableInfo", "ownership")]
    [InlineData("glossaryTerm", "glossaryTermInfo", "ownership")]
    [InlineData("ownershipType", "ownershipTypeInfo", "status")]
    public void an_entity_accepts_its_own_aspects(string entityType, params string[] aspects)
    {
        foreach (var aspect in aspects)
            Registry.AspectOf(entityType, aspect).ShouldNotBeNull($"{entityType} should accept {aspect}");
    }

    [Fact]
    public void exactly_datahubs_timeseries_aspects_are_timeseries_and_each_has_a_timestamp()
    {
        Registry.Aspects.Where(a => a.IsTimeseries).Select(a => a.Name).Order()
            .ShouldBe(["dataProcessInstanceRunEvent", "datasetProfile", "datasetUsageStatistics"]);
        foreach (var aspect in Registry.Aspects.Where(a => a.IsTimeseries))
            aspect.Schema.Field("timestampMillis").ShouldNotBeNull(aspect.Name).Required.ShouldBeTrue(aspect.Name);
    }

    [Fact]
    public void an_entity_type_is_found_by_its_snapshot_class()
    {
        Registry.EntityBySnapshotClass("com.linkedin.metadata.snapshot.ChartSnapshot").ShouldNotBeNull().EntityType.ShouldBe("chart");
        Registry.EntityBySnapshotClass("com.linkedin.pegasus2avro.metadata.snapshot.ChartSnapshot").ShouldBeNull();
    }

    [Fact]
    public void an_entity_rejects_an_aspect_of_another_entity()
    {
        Registry.AspectOf("mlFeature", "mlModelProperties").ShouldBeNull();
        Registry.AspectOf("corpuser", "upstreamLineage").ShouldBeNull();
        Registry.AspectOf("mlModel", "mlModelGroupKey").ShouldBeNull();
    }
}
