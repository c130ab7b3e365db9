using Lineage.Graph.Registry;

namespace Lineage.Graph.Tests.Registry;

/// <summary>model.md §3: the fields that become edges, their relationship names, targets and lineage roles.</summary>
public sealed class RelationshipTableTests
{
    private const string Any = "any";
    private const LineageRole Up = LineageRole.TargetIsUpstream;
    private const LineageRole Down = LineageRole.TargetIsDownstream;
    private const LineageRole None = LineageRole.None;

    private static readonly MetadataRegistry Registry = MetadataRegistry.Default;

    private static readonly string[] MlEntities = ["mlFeature", "mlFeatureTable", "mlModel", "mlModelGroup", "mlPrimaryKey"];

    /// <summary>One row per (entity, aspect, field) of the table; "any" rows hold for every entity accepting the aspect.</summary>
    private static readonly (string Entity, string Aspect, string Path, string Relationship, string[] Targets, LineageRole Role)[] Rows =
    [
        // model.md names datasets; since column lineage a source may also be a column (issue 20).
        ("mlFeature", "mlFeatureProperties", "sources", "DerivedFrom", ["dataset", "schemaField"], Up),
        ("mlPrimaryKey", "mlPrimaryKeyProperties", "sources", "DerivedFrom", ["dataset", "schemaField"], Up),
        ("mlFeatureTable", "mlFeatureTableProperties", "mlFeatures", "Contains", ["mlFeature"], Up),
        ("mlFeatureTable", "mlFeatureTableProperties", "mlPrimaryKeys", "KeyedBy", ["mlPrimaryKey"], Up),
        ("mlModel", "mlModelProperties", "mlFeatures", "Consumes", ["mlFeature"], Up),
        ("mlModel", "mlModelProperties", "groups", "MemberOf", ["mlModelGroup"], Down),
        ("mlModel", "mlModelProperties", "trainingJobs", "TrainedBy", ["dataJob", "dataProcessInstance"], Up),
        ("mlModelGroup", "mlModelGroupProperties", "trainingJobs", "TrainedBy", ["dataJob", "dataProcessInstance"], Up),
        ("mlModel", "mlModelProperties", "downstreamJobs", "UsedBy", ["dataJob", "dataProcessInstance"], Down),
        ("mlModelGroup", "mlModelGroupProperties", "downstreamJobs", "UsedBy", ["dataJob", "dataProcessInstance"], Down),
        ("mlModel", "mlModelProperties", "deployments", "DeployedTo", ["mlModelDeployment"], Down),
        ("mlModel", "versionProperties", "versionSet", "VersionOf", ["versionSet"], None),
        ("dataJob", "dataJobInputOutput", "inputDatasets", "Consumes", ["dataset"], Up),
        ("dataJob", "dataJobInputOutput", "outputDatasets", "Produces", ["dataset"], Down),
        ("dataset", "upstreamLineage", "upstreams[].dataset", "DownstreamOf", ["dataset"], Up),
        (Any, "ownership", "owners[].owner", "OwnedBy", ["corpuser", "corpGroup"], None),
        (Any, "ownership", "owners[].typeUrn", "ownershipType", ["ownershipType"], None),
        (Any, "globalTags", "tags[].tag", "TaggedWith", ["tag"], None),
        (Any, "glossaryTerms", "terms[].urn", "TermedWith", ["glossaryTerm"], None),
        (Any, "domains", "domains", "AssociatedWith", ["domain"], None),
        (Any, "applications", "applications", "AssociatedWith", ["application"], None),
        (Any, "container", "container", "IsPartOf", ["container"], None),
        (Any, "testResults", "failing[].test", "IsFailing", ["test"], None),
        (Any, "testResults", "passing[].test", "IsPassing", ["test"], None),
        // Beyond model.md's table, from the PDL of the entities DataHub's sample data holds.
        ("corpGroup", "corpGroupInfo", "admins", "OwnedBy", ["corpuser"], None),
        ("corpGroup", "corpGroupInfo", "members", "IsPartOf", ["corpuser"], None),
        ("corpGroup", "corpGroupInfo", "groups", "IsPartOf", ["corpGroup"], None),
        ("chart", "chartInfo", "inputs[]<string>", "Consumes", ["dataset"], Up),
        ("dashboard", "dashboardInfo", "charts", "Contains", ["chart"], Up),
        ("dashboard", "dashboardInfo", "datasets", "Consumes", ["dataset"], Up),
    ];

    public static TheoryData<int> RowNumbers => [.. Enumerable.Range(0, Rows.Length)];

    [Theory]
    [MemberData(nameof(RowNumbers))]
    public void a_row_of_the_relationship_table_is_declared_exactly(int row)
    {
        var (entity, aspectName, path, relationship, targets, role) = Rows[row];
        var holders = entity == Any
            ? Registry.Entities.Select(e => e.EntityType).Where(t => Registry.AspectOf(t, aspectName) is not null).ToList()
            : [entity];
        holders.ShouldNotBeEmpty(aspectName);
        if (entity == Any)
            MlEntities.ShouldBeSubsetOf(holders);

        foreach (var holder in holders)
        {
            var aspect = Registry.AspectOf(holder, aspectName);
            aspect.ShouldNotBeNull($"{holder} should accept {aspectName}");

            var urn = SchemaPath.Urn(aspect.Schema, path);
            urn.Relationship.ShouldNotBeNull($"{aspectName}.{path} should be an edge");
            urn.Relationship.Name.ShouldBe(relationship);
            urn.Relationship.Lineage.ShouldBe(role, $"{aspectName}.{path}");
            urn.EntityTypes.ShouldBe(targets, ignoreOrder: true);
        }
    }

    /// <summary>
    /// model.md calls its table the minimum: the registry has every DataHub annotation besides
    /// (DataHubRelationshipTests), so the table is a subset of the declared edges.
    /// </summary>
    [Fact]
    public void every_field_of_the_table_is_among_the_declared_edges()
    {
        var declared = Registry.Aspects
            .SelectMany(a => SchemaPath.Edges(a.Schema).Select(e => $"{a.Name}.{e.Path.Replace("[]", "", StringComparison.Ordinal)}"))
            .ToHashSet();
        var table = Rows.Select(r => $"{r.Aspect}.{r.Path.Replace("[]", "", StringComparison.Ordinal)}").ToHashSet();

        table.ShouldBeSubsetOf(declared);
    }
}
