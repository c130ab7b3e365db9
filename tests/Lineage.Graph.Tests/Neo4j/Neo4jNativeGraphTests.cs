using System.Text.Json.Nodes;
using Lineage.Graph.Errors;
using Lineage.Graph.Registry;
using Lineage.Graph.Storage.Neo4j;
using Lineage.Graph.Tests.StoreContract;
using Lineage.Graph.Writing;

namespace Lineage.Graph.Tests.Neo4j;

/// <summary>What only Neo4j has: native edges and labels that plain Cypher can use, and the schema in place.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jNativeGraphTests(Neo4jStoreFixture fx) : IClassFixture<Neo4jStoreFixture>
{
    private readonly CypherClient _cypher = new(Neo4jServer.Options());
    private readonly MetadataWriter _writer = new(fx.Store, MetadataRegistry.Default);
    private static readonly CancellationToken Ct = CancellationToken.None;

    private Task WriteAsync(string urn, string aspect, string json) =>
        _writer.ApplyAsync([new Proposal(null, urn, ChangeType.Upsert, aspect, JsonNode.Parse(json))],
            i => $"proposals[{i}]", "urn:li:corpuser:tests", Ct);

    private async Task<IReadOnlyList<JsonArray>> QueryAsync(string cypher, JsonObject parameters) =>
        (await _cypher.RunAsync([new CypherStatement("test", cypher, parameters)], Ct))[0].Rows;

    [Fact]
    public async Task versions_deleted_before_deletion_times_were_kept_take_them_from_the_change_feed_once()
    {
        var dataset = Mint.Dataset();
        await WriteAsync(dataset, "globalTags", """{"tags": []}""");
        await _writer.ApplyAsync([new Proposal(null, dataset, ChangeType.Delete, "globalTags", null)], i => $"proposals[{i}]", "urn:li:corpuser:tests", Ct);
        // As a store from before deletion times: the version has none and the feed has not been read for them.
        await QueryAsync("""
            MATCH (:Entity {urn: $u})-[:HAS_ASPECT]->(a:Aspect {_name: 'globalTags'}) REMOVE a._deletedAt
            WITH count(*) AS n MATCH (f:ChangeFeed {id: 'main'}) REMOVE f.deletionsDated
            """, new JsonObject { ["u"] = dataset });

        await using var restarted = new Neo4jGraphStore(new CypherClient(Neo4jServer.Options()));
        await restarted.InitializeAsync(Ct);

        var deletion = (await restarted.ChangesForAsync(dataset)).Single(c => c.Kind == Changes.ChangeKind.AspectDeleted);
        (await restarted.GetArchivesAsync([dataset], Ct)).Single().Versions.Single(v => v.Name == "globalTags").DeletedAt.ShouldBe(deletion.At);
        (await QueryAsync("MATCH (f:ChangeFeed {id: 'main'}) RETURN f.deletionsDated", []))[0][0]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task a_store_from_before_the_edge_history_gets_its_current_edges_once_and_then_its_older_versions_edges()
    {
        var (raw, clean, features) = (Mint.Dataset(), Mint.Dataset(), Mint.Dataset());
        var first = await Sqlite.SqliteFileTests.WriteUpstreamAsync(fx.Store, features, raw);
        await Task.Delay(5);
        var second = await Sqlite.SqliteFileTests.WriteUpstreamAsync(fx.Store, features, clean);
        // As a store from before the edge history: edges without the time they were stated, no edge versions, and the
        // graph not yet dated.
        await QueryAsync("""
            MATCH (:Entity {urn: $u})-[r]->(:Entity) REMOVE r.since
            WITH count(*) AS edges MATCH (h:EdgeVersion {owner: $u}) DELETE h
            WITH count(*) AS versions MATCH (f:ChangeFeed {id: 'main'}) REMOVE f.edgesDated, f.edgeReplayFrom
            """, new JsonObject { ["u"] = features });

        await using var restarted = new Neo4jGraphStore(new CypherClient(Neo4jServer.Options()));
        await restarted.InitializeAsync(Ct);
        await using var again = new Neo4jGraphStore(new CypherClient(Neo4jServer.Options()));
        await again.InitializeAsync(Ct);

        (await Sqlite.SqliteFileTests.EdgesAt(again, features, second)).ShouldBe([new Traversal.LineageEdge(features, clean, "DownstreamOf", clean)]);
        (await Sqlite.SqliteFileTests.EdgesAt(again, features, first)).ShouldBeEmpty();
        (await QueryAsync("MATCH (f:ChangeFeed {id: 'main'}) RETURN f.edgesDated", []))[0][0]!.GetValue<bool>().ShouldBeTrue();

        var replay = new EdgeHistoryReplay(again, MetadataRegistry.Default, Microsoft.Extensions.Logging.Abstractions.NullLogger<EdgeHistoryReplay>.Instance);
        (await replay.RunAsync(Ct)).Edges.ShouldBeGreaterThanOrEqualTo(1);

        (await Sqlite.SqliteFileTests.EdgesAt(again, features, first)).ShouldBe([new Traversal.LineageEdge(features, raw, "DownstreamOf", raw)]);
        (await Sqlite.SqliteFileTests.EdgesAt(again, features, second)).ShouldBe([new Traversal.LineageEdge(features, clean, "DownstreamOf", clean)]);
        (await again.GetEdgeHistoryReplayAsync(Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task plain_cypher_finds_a_groups_models_over_native_member_of_edges()
    {
        var group = Mint.Group();
        var (a, b) = (Mint.Model(), Mint.Model());
        await WriteAsync(a, "mlModelProperties", $$"""{"groups": ["{{group}}"]}""");
        await WriteAsync(b, "mlModelProperties", $$"""{"groups": ["{{group}}"], "trainingJobs": ["urn:li:dataJob:(urn:li:dataFlow:(airflow,f,PROD),t)"]}""");

        var rows = await QueryAsync("MATCH (m:MlModel)-[:MemberOf]->(g:MlModelGroup {urn: $u}) RETURN m.urn ORDER BY m.urn",
            new JsonObject { ["u"] = group });

        rows.Select(r => r[0]!.GetValue<string>()).ShouldBe(new[] { a, b }.Order(StringComparer.Ordinal));
        var edge = await QueryAsync("MATCH (:Entity {urn: $u})-[r:TrainedBy]->(j:DataJob) RETURN r.aspect, r.lineage, j.entityType",
            new JsonObject { ["u"] = b });
        edge[0].Select(v => v!.ToJsonString()).ShouldBe(["\"mlModelProperties\"", "1", "\"dataJob\""]);
    }

    [Fact]
    public async Task entities_carry_their_key_parts_and_aspects_their_fields()
    {
        var model = Mint.Model();
        await WriteAsync(model, "mlModelProperties", """{"description": "d", "tags": ["x", "y"], "hyperParams": [{"name": "lr", "value": "0.1"}]}""");

        var rows = await QueryAsync("""
            MATCH (e:Entity:MlModel {urn: $u})-[:HAS_ASPECT]->(a:Aspect {_name: 'mlModelProperties', _version: 0})
            RETURN e.platform, e.origin, a.description, a.tags, a.hyperParams
            """, new JsonObject { ["u"] = model });

        var row = rows.ShouldHaveSingleItem();
        row[0]!.GetValue<string>().ShouldBe("urn:li:dataPlatform:mlflow");
        row[1]!.GetValue<string>().ShouldBe("PROD");
        row[2]!.GetValue<string>().ShouldBe("d");
        row[3]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["x", "y"]);
        JsonNode.Parse(row[4]!.GetValue<string>())![0]!["name"]!.GetValue<string>().ShouldBe("lr");
    }

    [Fact]
    public async Task the_unique_constraint_on_urn_is_in_place()
    {
        var model = Mint.Model();
        await WriteAsync(model, "status", """{"removed": false}""");

        var error = await Should.ThrowAsync<CypherException>(() =>
            QueryAsync("CREATE (:Entity {urn: $u})", new JsonObject { ["u"] = model }));

        error.Code.ShouldBe("Neo.ClientError.Schema.ConstraintValidationFailed");
    }

    [Fact]
    public async Task an_unreachable_server_is_a_retriable_store_unavailable_error_within_the_budget()
    {
        var options = new Neo4jOptions { Uri = "http://127.0.0.1:1", RetryBudget = TimeSpan.FromMilliseconds(500) };
        await using var store = new Neo4jGraphStore(new CypherClient(options));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = await Should.ThrowAsync<StoreUnavailableException>(() => store.GetEntityAsync(Mint.Model(), Ct));

        error.IsRetriable.ShouldBeTrue();
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task a_server_lost_before_the_commit_leaves_nothing_of_the_batch()
    {
        await using var proxy = new CuttableProxy(new Uri(Neo4jServer.Options().Uri));
        var options = Neo4jServer.Options();
        options.Uri = proxy.Uri;
        options.RetryBudget = TimeSpan.FromSeconds(1);
        await using var store = new Neo4jGraphStore(new CypherClient(options));
        var writer = new MetadataWriter(store, MetadataRegistry.Default);
        var (model, group) = (Mint.Model(), Mint.Group());
        await store.InitializeAsync(Ct);

        proxy.DropCommits = true;
        await Should.ThrowAsync<StoreUnavailableException>(() => writer.ApplyAsync(
        [
            new Proposal(null, group, ChangeType.Upsert, "mlModelGroupProperties", JsonNode.Parse("""{"name": "g"}""")),
            new Proposal(null, model, ChangeType.Upsert, "mlModelProperties", JsonNode.Parse($$"""{"groups": ["{{group}}"]}""")),
        ], i => $"proposals[{i}]", "urn:li:corpuser:tests", Ct));
        proxy.DropCommits = false;

        (await store.GetEntityAsync(model, Ct)).ShouldBeNull();
        (await store.GetEntityAsync(group, Ct)).ShouldBeNull();
        (await store.IncomingAsync(group)).Total.ShouldBe(0);
        (await fx.Store.ChangesForAsync(model, group)).ShouldBeEmpty();

        // The lost transaction released its lock: the next batch goes through at once.
        await writer.ApplyAsync([new Proposal(null, model, ChangeType.Upsert, "mlModelProperties", JsonNode.Parse("{}"))],
            i => $"proposals[{i}]", "urn:li:corpuser:tests", Ct);
        (await store.GetEntityAsync(model, Ct)).ShouldNotBeNull();
    }
}
