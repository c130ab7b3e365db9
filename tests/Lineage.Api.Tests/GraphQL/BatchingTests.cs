using GraphQL;
using GraphQL.Types;
using Lineage.Api.GraphQL;
using Lineage.Api.Tests.Support;
using Lineage.Graph.Changes;
using Lineage.Graph.Storage;
using Lineage.Graph.Traversal;
using Lineage.Search.Querying;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using System.Text.Json.Nodes;

namespace Lineage.Api.Tests.GraphQL;

/// <summary>
/// Lists of entities are read in one batch per level, not one read per entity (no N+1 round trips to Neo4j):
/// the real schema and store, with the store's reads counted.
/// </summary>
public abstract class BatchingTests(LineageApiFactory factory)
{
    private readonly DataHubWire _gms = new(factory.CreateClient());
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task a_table_of_twenty_features_and_their_sources_takes_three_batch_reads()
    {
        var table = $"urn:li:mlFeatureTable:(urn:li:dataPlatform:feast,wide_{_run})";
        var features = Enumerable.Range(0, 20).Select(i => $"urn:li:mlFeature:(wide_{_run},f{i})").ToList();
        foreach (var (feature, i) in features.Select((f, i) => (f, i)))
        {
            await _gms.UpsertAsync(feature, "mlFeatureProperties", new JsonObject
            {
                ["description"] = $"feature {i}",
                ["sources"] = new JsonArray($"urn:li:dataset:(urn:li:dataPlatform:hive,source_{_run}_{i},PROD)"),
            });
        }
        await _gms.UpsertAsync(table, "mlFeatureTableProperties", new JsonObject { ["mlFeatures"] = new JsonArray([.. features]) });

        var store = new CountingStore(factory.Services.GetRequiredService<IGraphStore>());
        var result = await Execute(store, """
            query ($urn: String!) {
              mlFeatureTable(urn: $urn) { properties { mlFeatures { description properties { sources { urn exists } } } } }
            }
            """, table);

        result.Errors.ShouldBeNull();
        var json = new global::GraphQL.SystemTextJson.GraphQLSerializer().Serialize(result);
        JsonNode.Parse(json)!["data"]!["mlFeatureTable"]!["properties"]!["mlFeatures"]!.AsArray().Count.ShouldBe(20);
        // The table, then its twenty features together, then their twenty source datasets together.
        store.BatchReads.ShouldBe(3);
        store.SingleReads.ShouldBe(0);
    }

    private async Task<ExecutionResult> Execute(IGraphStore store, string query, string urn)
    {
        var services = factory.Services;
        return await new DocumentExecuter().ExecuteAsync(o =>
        {
            o.Schema = services.GetRequiredService<ISchema>();
            o.Query = query;
            o.Variables = new Inputs(new Dictionary<string, object?> { ["urn"] = urn });
            o.UserContext = new ResolverContext(store, services.GetRequiredService<SearchService>(),
                services.GetRequiredService<AutocompleteService>(), services.GetRequiredService<LineageService>(),
                new GraphQLOptions(), services.GetRequiredService<IOptions<TraversalOptions>>().Value);
        });
    }

    /// <summary>The real store, counting the entity reads that reach it.</summary>
    private sealed class CountingStore(IGraphStore inner) : IGraphStore
    {
        public int BatchReads;
        public int SingleReads;

        public Task<IReadOnlyDictionary<string, StoredEntity>> GetEntitiesAsync(IReadOnlyCollection<string> urns, CancellationToken ct)
        {
            Interlocked.Increment(ref BatchReads);
            return inner.GetEntitiesAsync(urns, ct);
        }

        public Task<StoredEntity?> GetEntityAsync(string urn, CancellationToken ct)
        {
            Interlocked.Increment(ref SingleReads);
            return inner.GetEntityAsync(urn, ct);
        }

        public Task InitializeAsync(CancellationToken ct) => inner.InitializeAsync(ct);
        public Task<IReadOnlyList<WriteOutcome>> WriteAsync(IReadOnlyList<StoreOperation> operations, CancellationToken ct) => inner.WriteAsync(operations, ct);
        public Task<StoredAspect?> GetAspectAsync(string urn, string aspect, long version, CancellationToken ct) => inner.GetAspectAsync(urn, aspect, version, ct);
        public Task<IReadOnlyList<StoredAspect>> GetAspectVersionsAsync(string urn, string aspect, CancellationToken ct) => inner.GetAspectVersionsAsync(urn, aspect, ct);
        public Task<RelationshipPage> GetRelationshipsAsync(RelationshipQuery query, CancellationToken ct) => inner.GetRelationshipsAsync(query, ct);
        public Task<IReadOnlyDictionary<string, StoredAspect>> GetLatestAspectsAsync(IReadOnlyCollection<string> urns, string aspect, CancellationToken ct) =>
            inner.GetLatestAspectsAsync(urns, aspect, ct);
        public Task<ILineageRead> OpenLineageReadAsync(CancellationToken ct) => inner.OpenLineageReadAsync(ct);
        public Task<DateTimeOffset?> GetEdgeHistoryReplayAsync(CancellationToken ct) => inner.GetEdgeHistoryReplayAsync(ct);
        public Task AppendEdgeHistoryAsync(IReadOnlyList<Lineage.Graph.Storage.Batches.EdgeVersion> versions, bool done, CancellationToken ct) =>
            inner.AppendEdgeHistoryAsync(versions, done, ct);
        public Task<IReadOnlyList<LineageEdge>> GetHistoricalLineageEdgesAsync(
            IReadOnlyCollection<string> urns, bool withColumns, LineageTime time, CancellationToken ct) =>
            inner.GetHistoricalLineageEdgesAsync(urns, withColumns, time, ct);
        public Task<IReadOnlyDictionary<string, long>> GetConnectivityAsync(IReadOnlyCollection<string> urns, CancellationToken ct) => inner.GetConnectivityAsync(urns, ct);
        public Task<IReadOnlyList<EntityArchive>> GetArchivesAsync(IReadOnlyList<string> urns, CancellationToken ct) => inner.GetArchivesAsync(urns, ct);

        public Task<IReadOnlyList<string>> ListEntityUrnsAsync(string? after, int limit, CancellationToken ct) => inner.ListEntityUrnsAsync(after, limit, ct);
        public Task<long> GetLastSequenceAsync(CancellationToken ct) => inner.GetLastSequenceAsync(ct);
        public Task<IReadOnlyList<ChangeRecord>> ReadChangesAfterAsync(long after, int limit, CancellationToken ct) => inner.ReadChangesAfterAsync(after, limit, ct);
        public Task<IReadOnlyList<TimeseriesValue>> GetTimeseriesValuesAsync(TimeseriesQuery query, CancellationToken ct) => inner.GetTimeseriesValuesAsync(query, ct);

        // The store belongs to the host; this wrapper only borrows it.
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

[Collection(SqliteApiCollection.Name)]
public sealed class sqlite_graphql_batching(SqliteApiFactory factory) : BatchingTests(factory);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_graphql_batching(Neo4jApiFactory factory) : BatchingTests(factory);
