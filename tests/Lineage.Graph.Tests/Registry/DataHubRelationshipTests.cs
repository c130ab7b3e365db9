using Lineage.Graph.Registry;

namespace Lineage.Graph.Tests.Registry;

/// <summary>
/// Every edge field of every registered aspect against DataHub's <c>@Relationship</c> annotations, copied here from the
/// .pdl files of datahub-project/datahub (the commit each was read at is on its row), and Lineage's own additions, kept
/// apart. A field DataHub annotates that the registry leaves plain fails, as does an edge neither list has.
/// </summary>
/// <remarks>
/// Paths are <see cref="SchemaPath.Edges"/>'s: <c>[]</c> steps into an array, <c>&lt;string&gt;</c> into a union member.
/// An annotation on an Edge list (<c>/*/destinationUrn</c>) is the <c>destinationUrn</c> of each item. Lineage is
/// DataHub's <c>isLineage</c>; its direction is <c>isUpstream</c> (default true: the target is upstream).
/// </remarks>
public sealed class DataHubRelationshipTests
{
    private const LineageRole Up = LineageRole.TargetIsUpstream;
    private const LineageRole Down = LineageRole.TargetIsDownstream;
    private const LineageRole None = LineageRole.None;

    private static readonly MetadataRegistry Registry = MetadataRegistry.Default;

    private sealed record Annotation(string Aspect, string Path, string Name, LineageRole Role, string[] Targets, string Source);

    /// <summary>DataHub's annotations, for the aspects Lineage registers. [gen]: the generated snapshot-aspect Java docs/registry-audit.md read.</summary>
    private static readonly Annotation[] DataHub =
    [
        // com.linkedin.common.*
        new("ownership", "owners[].owner", "OwnedBy", None, ["corpuser", "corpGroup"], "common/Owner.pdl @0fc90d4"),
        new("ownership", "owners[].typeUrn", "ownershipType", None, ["ownershipType"], "common/Owner.pdl @0fc90d4"),
        new("globalTags", "tags[].tag", "TaggedWith", None, ["tag"], "common/GlobalTags.pdl @3c9d031"),
        new("glossaryTerms", "terms[].urn", "TermedWith", None, ["glossaryTerm"], "common/GlossaryTerms.pdl @2777877"),
        new("domains", "domains[]", "AssociatedWith", None, ["domain"], "domain/Domains.pdl @41cd87a"),
        new("applications", "applications[]", "AssociatedWith", None, ["application"], "application/Applications.pdl @f476c75"),
        new("container", "container", "IsPartOf", None, ["container"], "container/Container.pdl @310f174"),
        new("testResults", "failing[].test", "IsFailing", None, ["test"], "test/TestResults.pdl @4119dd0"),
        new("testResults", "passing[].test", "IsPassing", None, ["test"], "test/TestResults.pdl @4119dd0"),
        new("versionProperties", "versionSet", "VersionOf", None, ["versionSet"], "common/VersionProperties.pdl @f744b59"),
        new("siblings", "siblings[]", "SiblingOf", None, ["dataset"], "common/Siblings.pdl @2bd7e85"),
        // ML
        new("mlFeatureProperties", "sources[]", "DerivedFrom", Up, ["dataset"], "[gen] MLFeatureProperties"),
        new("mlPrimaryKeyProperties", "sources[]", "DerivedFrom", Up, ["dataset"], "ml/metadata/MLPrimaryKeyProperties.pdl @b511e5a"),
        new("mlFeatureTableProperties", "mlFeatures[]", "Contains", None, ["mlFeature"], "[gen] MLFeatureTableProperties"),
        new("mlFeatureTableProperties", "mlPrimaryKeys[]", "KeyedBy", None, ["mlPrimaryKey"], "[gen] MLFeatureTableProperties"),
        new("mlModelProperties", "mlFeatures[]", "Consumes", Up, ["mlFeature"], "[gen] MLModelProperties"),
        new("mlModelProperties", "groups[]", "MemberOf", Down, ["mlModelGroup"], "[gen] MLModelProperties"),
        new("mlModelProperties", "deployments[]", "DeployedTo", None, ["mlModelDeployment"], "[gen] MLModelProperties"),
        new("mlModelProperties", "trainingJobs[]", "TrainedBy", Up, ["dataJob", "dataProcessInstance"], "[gen] MLModelLineageInfo"),
        new("mlModelProperties", "downstreamJobs[]", "UsedBy", Down, ["dataJob", "dataProcessInstance"], "[gen] MLModelLineageInfo"),
        new("mlModelGroupProperties", "trainingJobs[]", "TrainedBy", Up, ["dataJob", "dataProcessInstance"], "[gen] MLModelLineageInfo"),
        new("mlModelGroupProperties", "downstreamJobs[]", "UsedBy", Down, ["dataJob", "dataProcessInstance"], "[gen] MLModelLineageInfo"),
        // datasets
        new("upstreamLineage", "upstreams[].dataset", "DownstreamOf", Up, ["dataset"], "dataset/Upstream.pdl @17bb29f"),
        new("upstreamLineage", "fineGrainedLineages[].upstreams[]", "DownstreamOf", None, ["dataset", "schemaField"], "dataset/FineGrainedLineage.pdl @0cdf0ed"),
        new("upstreamLineage", "fineGrainedLineages[].downstreams[]", "Produces", None, ["schemaField"], "dataset/FineGrainedLineage.pdl @0cdf0ed"),
        new("schemaMetadata", "fields[].globalTags.tags[].tag", "SchemaFieldTaggedWith", None, ["tag"], "schema/SchemaField.pdl @029ca4e"),
        new("schemaMetadata", "fields[].glossaryTerms.terms[].urn", "SchemaFieldWithGlossaryTerm", None, ["glossaryTerm"], "schema/SchemaField.pdl @029ca4e"),
        new("schemaMetadata", "foreignKeys[].foreignFields[]", "ForeignKeyTo", None, ["schemaField"], "schema/ForeignKeyConstraint.pdl @08051aa"),
        new("schemaMetadata", "foreignKeys[].foreignDataset", "ForeignKeyToDataset", None, ["dataset"], "schema/ForeignKeyConstraint.pdl @08051aa"),
        new("editableSchemaMetadata", "editableSchemaFieldInfo[].globalTags.tags[].tag", "EditableSchemaFieldTaggedWith", None, ["tag"], "schema/EditableSchemaFieldInfo.pdl @06d78b4"),
        new("editableSchemaMetadata", "editableSchemaFieldInfo[].glossaryTerms.terms[].urn", "EditableSchemaFieldWithGlossaryTerm", None, ["glossaryTerm"], "schema/EditableSchemaFieldInfo.pdl @06d78b4"),
        // jobs and runs
        new("dataJobInputOutput", "inputDatasets[]", "Consumes", Up, ["dataset"], "datajob/DataJobInputOutput.pdl @01112d3"),
        new("dataJobInputOutput", "inputDatasetEdges[].destinationUrn", "Consumes", Up, ["dataset"], "datajob/DataJobInputOutput.pdl @01112d3"),
        new("dataJobInputOutput", "outputDatasets[]", "Produces", Down, ["dataset"], "datajob/DataJobInputOutput.pdl @01112d3"),
        new("dataJobInputOutput", "outputDatasetEdges[].destinationUrn", "Produces", Down, ["dataset"], "datajob/DataJobInputOutput.pdl @01112d3"),
        new("dataJobInputOutput", "inputDatajobs[]", "DownstreamOf", Up, ["dataJob"], "datajob/DataJobInputOutput.pdl @01112d3"),
        new("dataJobInputOutput", "inputDatajobEdges[].destinationUrn", "DownstreamOf", Up, ["dataJob"], "datajob/DataJobInputOutput.pdl @01112d3"),
        new("dataJobInputOutput", "inputDatasetFields[]", "Consumes", None, ["schemaField"], "datajob/DataJobInputOutput.pdl @01112d3"),
        new("dataJobInputOutput", "outputDatasetFields[]", "Produces", None, ["schemaField"], "datajob/DataJobInputOutput.pdl @01112d3"),
        new("dataJobInputOutput", "fineGrainedLineages[].upstreams[]", "DownstreamOf", None, ["dataset", "schemaField"], "dataset/FineGrainedLineage.pdl @0cdf0ed"),
        new("dataJobInputOutput", "fineGrainedLineages[].downstreams[]", "Produces", None, ["schemaField"], "dataset/FineGrainedLineage.pdl @0cdf0ed"),
        new("dataProcessInstanceInput", "inputs[]", "Consumes", Up, ["dataset", "mlModel"], "dataprocess/DataProcessInstanceInput.pdl @31dd659"),
        new("dataProcessInstanceInput", "inputEdges[].destinationUrn", "DataProcessInstanceConsumes", Up, ["dataset", "mlModel", "dataProcessInstance"], "newer than @31dd659: model.md §3, as outputEdges"),
        new("dataProcessInstanceOutput", "outputs[]", "Produces", None, ["dataset", "mlModel"], "dataprocess/DataProcessInstanceOutput.pdl @16cdc96"),
        new("dataProcessInstanceOutput", "outputEdges[].destinationUrn", "DataProcessInstanceProduces", Down, ["dataset", "mlModel", "dataProcessInstance"], "dataprocess/DataProcessInstanceOutput.pdl @16cdc96"),
        new("dataProcessInstanceRelationships", "parentTemplate", "InstanceOf", None, ["dataJob", "dataFlow", "dataset"], "dataprocess/DataProcessInstanceRelationships.pdl @3ea2b68"),
        new("dataProcessInstanceRelationships", "parentInstance", "ChildOf", None, ["dataProcessInstance"], "dataprocess/DataProcessInstanceRelationships.pdl @3ea2b68"),
        new("dataProcessInstanceRelationships", "upstreamInstances[]", "UpstreamOf", None, ["dataProcessInstance"], "dataprocess/DataProcessInstanceRelationships.pdl @3ea2b68"),
        // charts and dashboards
        new("chartInfo", "inputs[]<string>", "Consumes", Up, ["dataset"], "chart/ChartInfo.pdl @01112d3"),
        new("chartInfo", "inputEdges[].destinationUrn", "Consumes", Up, ["dataset"], "chart/ChartInfo.pdl @01112d3"),
        new("dashboardInfo", "charts[]", "Contains", Up, ["chart"], "dashboard/DashboardInfo.pdl @01112d3"),
        new("dashboardInfo", "chartEdges[].destinationUrn", "Contains", Up, ["chart"], "dashboard/DashboardInfo.pdl @01112d3"),
        new("dashboardInfo", "datasets[]", "Consumes", Up, ["dataset"], "dashboard/DashboardInfo.pdl @01112d3"),
        new("dashboardInfo", "datasetEdges[].destinationUrn", "Consumes", Up, ["dataset"], "dashboard/DashboardInfo.pdl @01112d3"),
        // people, glossary, domains
        new("corpUserInfo", "managerUrn", "ReportsTo", None, ["corpuser"], "[gen] CorpUserInfo"),
        new("corpUserEditableInfo", "platforms[]", "IsUserOf", None, ["dataPlatform"], "[gen] CorpUserEditableInfo"),
        new("corpUserEditableInfo", "persona", "IsPersona", None, ["dataHubPersona"], "[gen] CorpUserEditableInfo"),
        new("corpGroupInfo", "admins[]", "OwnedBy", None, ["corpuser"], "[gen] CorpGroupInfo"),
        new("corpGroupInfo", "members[]", "IsPartOf", None, ["corpuser"], "[gen] CorpGroupInfo"),
        new("corpGroupInfo", "groups[]", "IsPartOf", None, ["corpGroup"], "[gen] CorpGroupInfo"),
        new("glossaryTermInfo", "parentNode", "IsPartOf", None, ["glossaryNode"], "glossary/GlossaryTermInfo.pdl @06ffbee"),
        new("glossaryNodeInfo", "parentNode", "IsPartOf", None, ["glossaryNode"], "[gen] GlossaryNodeInfo"),
        new("domainProperties", "parentDomain", "IsPartOf", None, ["domain"], "domain/DomainProperties.pdl @06d78b4"),
    ];

    /// <summary>Lineage's own edges, documented in model.md §3 and docs/registry-audit.md: new fields, or DataHub's edge with another lineage role or more targets.</summary>
    private static readonly Annotation[] LineageAdditions =
    [
        new("mlFeatureTableProperties", "mlFeatures[]", "Contains", Up, ["mlFeature"], "model.md §3: the feature feeds the table"),
        new("mlFeatureTableProperties", "mlPrimaryKeys[]", "KeyedBy", Up, ["mlPrimaryKey"], "model.md §3: the key feeds the table"),
        new("mlModelProperties", "deployments[]", "DeployedTo", Down, ["mlModelDeployment"], "model.md §3: model → deployment"),
        new("mlModelTrainingData", "trainingData[].dataset", "TrainedOn", Up, ["dataset"], "model.md §3: training data is upstream of the model"),
        new("mlModelEvaluationData", "evaluationData[].dataset", "EvaluatedOn", Up, ["dataset"], "model.md §3: evaluation data is upstream of the model"),
        new("dataJobInfo", "flowUrn", "IsPartOf", None, ["dataFlow"], "model.md §3; unannotated in datajob/DataJobInfo.pdl @06ffbee"),
        // Column lineage (issue 20): a feature or key may be built from a column; the holder of fine-grained lineage
        // depends on its upstream columns; a job reads and writes columns. DataHub's annotations do not say lineage.
        new("mlFeatureProperties", "sources[]", "DerivedFrom", Up, ["dataset", "schemaField"], "issue 20: a feature built from a column"),
        new("mlPrimaryKeyProperties", "sources[]", "DerivedFrom", Up, ["dataset", "schemaField"], "issue 20: a key built from a column"),
        new("upstreamLineage", "fineGrainedLineages[].upstreams[]", "DownstreamOf", Up, ["dataset", "schemaField"], "issue 20: the dataset depends on the column"),
        new("dataJobInputOutput", "inputDatasetFields[]", "Consumes", Up, ["schemaField"], "issue 20: the job reads the column"),
        new("dataJobInputOutput", "outputDatasetFields[]", "Produces", Down, ["schemaField"], "issue 20: the job writes the column"),
        new("dataJobInputOutput", "fineGrainedLineages[].upstreams[]", "DownstreamOf", Up, ["dataset", "schemaField"], "issue 20: the job reads the column"),
        new("dataJobInputOutput", "fineGrainedLineages[].downstreams[]", "Produces", Down, ["schemaField"], "issue 20: the job writes the column"),
    ];

    private static Dictionary<string, Annotation> Expected()
    {
        var expected = DataHub.ToDictionary(a => $"{a.Aspect}.{a.Path}", StringComparer.Ordinal);
        foreach (var addition in LineageAdditions) expected[$"{addition.Aspect}.{addition.Path}"] = addition;
        return expected;
    }

    private static Dictionary<string, (RelationshipSpec Relationship, IReadOnlyList<string> Targets)> Declared() =>
        Registry.Aspects
            .SelectMany(a => Edges(a.Schema).Select(e => (Key: $"{a.Name}.{e.Path}", e.Relationship, e.Targets)))
            .ToDictionary(e => e.Key, e => (e.Relationship, e.Targets), StringComparer.Ordinal);

    [Fact]
    public void every_field_datahub_annotates_is_an_edge_of_the_registered_aspect()
    {
        var declared = Declared();
        var registered = Registry.Aspects.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);

        var missing = Expected().Keys.Where(k => !declared.ContainsKey(k)).ToList();

        DataHub.Select(a => a.Aspect).Where(a => !registered.Contains(a)).ShouldBeEmpty("rows for unregistered aspects");
        missing.ShouldBeEmpty();
    }

    [Fact]
    public void every_edge_of_the_registry_is_datahubs_or_a_listed_addition()
    {
        var expected = Expected();

        Declared().Keys.Where(k => !expected.ContainsKey(k)).ShouldBeEmpty();
    }

    [Fact]
    public void each_edge_has_the_name_lineage_role_and_targets_of_its_annotation()
    {
        var declared = Declared();
        var wrong = Expected()
            .Where(e => declared.ContainsKey(e.Key))
            .Select(e => (e.Key, Want: e.Value, Got: declared[e.Key]))
            .Where(e => e.Got.Relationship.Name != e.Want.Name || e.Got.Relationship.Lineage != e.Want.Role
                        || !e.Got.Targets.Order(StringComparer.Ordinal).SequenceEqual(e.Want.Targets.Order(StringComparer.Ordinal)))
            .Select(e => $"{e.Key}: {e.Got.Relationship.Name}/{e.Got.Relationship.Lineage}/[{string.Join(",", e.Got.Targets)}], " +
                         $"expected {e.Want.Name}/{e.Want.Role}/[{string.Join(",", e.Want.Targets)}] ({e.Want.Source})")
            .ToList();

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public void lineages_additions_differ_from_datahub_where_datahub_has_the_field()
    {
        var datahub = DataHub.ToDictionary(a => $"{a.Aspect}.{a.Path}", StringComparer.Ordinal);

        foreach (var addition in LineageAdditions)
        {
            if (datahub.TryGetValue($"{addition.Aspect}.{addition.Path}", out var theirs))
                (theirs.Role, theirs.Name, string.Join(",", theirs.Targets)).ShouldNotBe((addition.Role, addition.Name, string.Join(",", addition.Targets)),
                    $"{addition.Aspect}.{addition.Path} is listed as an addition but is DataHub's");
        }
    }

    private static IEnumerable<(string Path, RelationshipSpec Relationship, IReadOnlyList<string> Targets)> Edges(FieldType type, string path = "") =>
        type switch
        {
            UrnType { Relationship: { } r } u => [(path, r, u.EntityTypes)],
            ArrayType a => Edges(a.Items, path + "[]"),
            MapType m => Edges(m.Values, path + "{}"),
            UnionType u => u.Members.SelectMany(member => Edges(member.Type, $"{path}<{member.Key}>")),
            RecordType r => r.Fields.SelectMany(f => Edges(f.Type, path.Length == 0 ? f.Name : $"{path}.{f.Name}")),
            _ => [],
        };
}
