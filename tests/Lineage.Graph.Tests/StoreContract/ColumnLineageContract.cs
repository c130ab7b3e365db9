using System.Text.Json.Nodes;
using Lineage.Graph.Registry;
using Lineage.Graph.Relationships;
using Lineage.Graph.Storage;
using Lineage.Graph.Traversal;
using Lineage.Graph.Writing;
using Microsoft.Extensions.Options;
using static Lineage.Graph.Tests.StoreContract.Ops;

namespace Lineage.Graph.Tests.StoreContract;

/// <summary>
/// Column lineage through the write path and the one walk: fine-grained lineage gives column-to-column edges owned by
/// the dataset or job that states them; by entity they roll up to datasets, by column a column reaches only what names it.
/// </summary>
public abstract class ColumnLineageContract<TFixture>(TFixture fx) : IClassFixture<TFixture> where TFixture : StoreFixture
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly IGraphStore _store = fx.Store;
    private readonly MetadataWriter _writer = new(fx.Store, MetadataRegistry.Default);
    private readonly LineageService _lineage = new(fx.Store, Options.Create(new TraversalOptions()));

    /// <summary>
    /// A.country and A.user_id feed B's columns of the same names (B states it); the feature is built from B.country
    /// and the model uses the feature. A job reads A.country and writes C.country.
    /// </summary>
    private sealed record Estate(string A, string B, string C, string Feature, string Model, string Job)
    {
        public static string Column(string dataset, string field) => $"urn:li:schemaField:({dataset},{field})";
    }

    private async Task<Estate> WriteEstateAsync()
    {
        var e = new Estate(Mint.Dataset(), Mint.Dataset(), Mint.Dataset(), Mint.Feature(), Mint.Model(), Mint.Job());
        await WriteAsync(e.A, "schemaMetadata", Schema("country", "user_id"));
        await WriteAsync(e.B, "upstreamLineage", new JsonObject
        {
            ["upstreams"] = new JsonArray(new JsonObject { ["dataset"] = e.A, ["type"] = "TRANSFORMED" }),
            ["fineGrainedLineages"] = new JsonArray(
                FineGrained([Estate.Column(e.A, "country")], [Estate.Column(e.B, "country")], "UPPER", 0.9),
                FineGrained([Estate.Column(e.A, "user_id")], [Estate.Column(e.B, "user_id")], "IDENTITY", null)),
        });
        await WriteAsync(e.Feature, "mlFeatureProperties", new JsonObject { ["sources"] = new JsonArray(Estate.Column(e.B, "country")) });
        await WriteAsync(e.Model, "mlModelProperties", new JsonObject { ["mlFeatures"] = new JsonArray(e.Feature) });
        await WriteAsync(e.Job, "dataJobInputOutput", new JsonObject
        {
            ["inputDatasets"] = new JsonArray(e.A),
            ["outputDatasets"] = new JsonArray(e.C),
            ["fineGrainedLineages"] = new JsonArray(FineGrained([Estate.Column(e.A, "country")], [Estate.Column(e.C, "country")], "COPY", null)),
        });
        return e;
    }

    [Fact]
    public async Task by_entity_columns_roll_up_so_a_feature_built_from_a_column_of_B_is_downstream_of_B()
    {
        var e = await WriteEstateAsync();

        var down = await WalkAsync(e.A, LineageDirection.Downstream);

        // C is one hop from A: C.country is DownstreamOf A.country, through the job.
        down.Nodes.Select(n => (n.Urn, n.Degree)).ShouldBe(
        [
            (e.A, 0), .. Sorted((e.B, 1), (e.C, 1), (e.Job, 1)), (e.Feature, 2), (e.Model, 3),
        ]);
        down.Nodes.ShouldNotContain(n => Columns.IsColumn(n.Urn));
        down.Nodes.Single(n => n.Urn == e.Feature).Parent.ShouldBe(e.B);
        down.Edges.ShouldContain(new LineageEdge(e.Feature, e.B, "DerivedFrom", e.B));
        down.Edges.ShouldContain(new LineageEdge(e.B, e.A, "DownstreamOf", e.A));
        down.Edges.ShouldNotContain(edge => Columns.IsColumn(edge.Source) || Columns.IsColumn(edge.Target));
    }

    [Fact]
    public async Task by_column_a_column_reaches_only_what_names_it()
    {
        var e = await WriteEstateAsync();
        var country = Estate.Column(e.A, "country");

        var down = await WalkAsync(country, LineageDirection.Downstream, LineageGranularity.Column);

        down.Nodes.Select(n => (n.Urn, n.Degree)).ShouldBe(
        [
            (country, 0), .. Sorted((Estate.Column(e.B, "country"), 1), (Estate.Column(e.C, "country"), 1), (e.Job, 1)),
            (e.Feature, 2), (e.Model, 3),
        ]);
        down.Nodes.ShouldNotContain(n => n.Urn == Estate.Column(e.B, "user_id") || n.Urn == e.B || n.Urn == e.C);
        down.Edges.Single(x => x.Source == Estate.Column(e.B, "country")).ShouldBe(
            new LineageEdge(Estate.Column(e.B, "country"), country, "DownstreamOf", country) { Mapping = new ColumnMapping(null, "UPPER", 0.9) });
        down.Edges.Single(x => x.Source == Estate.Column(e.C, "country")).Mapping.ShouldBe(new ColumnMapping(e.Job, "COPY", null));
    }

    [Fact]
    public async Task a_column_root_walks_by_column_unless_asked_otherwise()
    {
        var e = await WriteEstateAsync();
        var bCountry = Estate.Column(e.B, "country");

        var byDefault = await _lineage.GetLineageAsync(new LineageRequest(bCountry, LineageDirection.Upstream, 3, [], [], false, 100), Ct);
        var byEntity = await _lineage.GetLineageAsync(
            new LineageRequest(bCountry, LineageDirection.Upstream, 3, [], [], false, 100, LineageGranularity.Entity), Ct);

        byDefault.Nodes.Select(n => n.Urn).ShouldBe([Estate.Column(e.A, "country")]);
        byEntity.Nodes.Select(n => n.Urn).ShouldBe([e.A]);
    }

    [Fact]
    public async Task impact_of_a_column_lists_the_features_and_models_it_reaches_and_their_owners()
    {
        var e = await WriteEstateAsync();
        await WriteAsync(e.Model, "ownership", new JsonObject
        {
            ["owners"] = new JsonArray(new JsonObject { ["owner"] = "urn:li:corpuser:ada", ["type"] = "DATAOWNER" }),
        });

        var report = await _lineage.GetImpactAsync(Estate.Column(e.A, "country"), 5, ["mlFeature", "mlModel"], Ct);

        report.Affected.Select(a => a.Entity.Urn).ShouldBe([e.Feature, e.Model]);
        report.Affected.Single(a => a.Entity.Urn == e.Model).Path.Urns
            .ShouldBe([Estate.Column(e.A, "country"), Estate.Column(e.B, "country"), e.Feature, e.Model]);
        report.Owners.Select(o => (o.Owner, string.Join(" ", o.Entities))).ShouldBe([("urn:li:corpuser:ada", e.Model)]);
    }

    [Fact]
    public async Task rewriting_or_deleting_the_holder_replaces_its_column_edges_and_leaves_another_owners()
    {
        var e = await WriteEstateAsync();
        var (aCountry, bCountry) = (Estate.Column(e.A, "country"), Estate.Column(e.B, "country"));
        // The job states B.country from A.country as well: two owners of one column edge.
        await WriteAsync(e.Job, "dataJobInputOutput", new JsonObject
        {
            ["inputDatasets"] = new JsonArray(e.A),
            ["outputDatasets"] = new JsonArray(e.B),
            ["fineGrainedLineages"] = new JsonArray(FineGrained([aCountry], [bCountry], "COPY", null)),
        });

        await WriteAsync(e.B, "upstreamLineage", new JsonObject { ["upstreams"] = new JsonArray() });
        (await UpstreamColumnsAsync(bCountry)).ShouldBe(Sorted(aCountry, e.Job));
        (await UpstreamColumnsAsync(Estate.Column(e.B, "user_id"))).ShouldBeEmpty();

        await _writer.DeleteEntityAsync(e.Job, Actor, Ct);
        (await UpstreamColumnsAsync(bCountry)).ShouldBeEmpty();
        (await _store.IncomingAsync(aCountry, "DownstreamOf")).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_schema_makes_its_columns_nodes_of_the_dataset()
    {
        var dataset = Mint.Dataset();

        await WriteAsync(dataset, "schemaMetadata", Schema("country", "user_id"));

        (await _store.OutgoingAsync(dataset, ColumnEdges.HasSchemaField)).Items.Select(r => r.Urn)
            .ShouldBe([Estate.Column(dataset, "country"), Estate.Column(dataset, "user_id")]);
        (await WalkAsync(dataset, LineageDirection.Downstream)).Nodes.Select(n => n.Urn).ShouldBe([dataset]);
    }

    private Task<TraversalResult> WalkAsync(string root, LineageDirection direction, LineageGranularity granularity = LineageGranularity.Entity) =>
        new LineageWalk(_store).TraverseAsync(new TraversalQuery(root, direction, 5, [], false, 100, granularity), Ct);

    private async Task<IReadOnlyList<string>> UpstreamColumnsAsync(string column) =>
        (await WalkAsync(column, LineageDirection.Upstream, LineageGranularity.Column)).Nodes.Skip(1).Select(n => n.Urn).ToList();

    private Task WriteAsync(string urn, string aspect, JsonObject value) =>
        _writer.ApplyAsync([new Proposal(null, urn, ChangeType.Upsert, aspect, value)], i => $"proposals[{i}]", Actor, Ct);

    private static JsonObject Schema(params string[] fields) => new()
    {
        ["schemaName"] = "s",
        ["platform"] = "urn:li:dataPlatform:hive",
        ["version"] = 0,
        ["hash"] = "",
        ["platformSchema"] = new JsonObject { ["com.linkedin.schema.OtherSchema"] = new JsonObject { ["rawSchema"] = "" } },
        ["fields"] = new JsonArray([.. fields.Select(f => (JsonNode)new JsonObject
        {
            ["fieldPath"] = f,
            ["type"] = new JsonObject { ["type"] = new JsonObject { ["com.linkedin.schema.StringType"] = new JsonObject() } },
            ["nativeDataType"] = "string",
        })]),
    };

    private static JsonObject FineGrained(string[] upstreams, string[] downstreams, string transform, double? confidence)
    {
        var entry = new JsonObject
        {
            ["upstreamType"] = "FIELD_SET",
            ["upstreams"] = new JsonArray([.. upstreams.Select(u => (JsonNode)u)]),
            ["downstreamType"] = "FIELD",
            ["downstreams"] = new JsonArray([.. downstreams.Select(d => (JsonNode)d)]),
            ["transformOperation"] = transform,
        };
        if (confidence is { } c) entry["confidenceScore"] = c;
        return entry;
    }

    private static (string, int)[] Sorted(params (string Urn, int Degree)[] nodes) => [.. nodes.OrderBy(n => n.Urn, StringComparer.Ordinal)];

    private static string[] Sorted(params string[] urns) => [.. urns.Order(StringComparer.Ordinal)];
}
