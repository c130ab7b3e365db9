using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;
using Lineage.Graph.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Lineage.Api.Tests.Hardening;

/// <summary>
/// Eight writers, 2,000 upserts each, on the same few entities and aspects at once: every acknowledged write is in the
/// version history (no lost update) and the edges are those of the latest aspects.
/// </summary>
public abstract class ConcurrentWritersTests(LineageApiFactory factory)
{
    private const int Writers = 8;
    private const int UpsertsPerWriter = 2_000;
    private const int BatchSize = 50;
    private const int Entities = 12;

    private readonly string _id = Guid.NewGuid().ToString("N")[..10];

    private string Model(int i) => $"urn:li:mlModel:(urn:li:dataPlatform:science,race_{_id}_{i},PROD)";
    private string Group(int i) => $"urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,race_{_id}_{i},PROD)";

    [Fact]
    public async Task concurrent_writers_lose_no_update_and_leave_edges_matching_the_latest_aspects()
    {
        var acknowledged = new ConcurrentBag<(string Urn, string Aspect, string Stamp)>();
        // Clients first, one by one: the factory starts its host on the first, and that is not thread-safe.
        var clients = Enumerable.Range(0, Writers).Select(_ => new DataHubWire(factory.CreateClient())).ToList();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var gms = clients[w];
            var random = new Random(w);
            for (var sent = 0; sent < UpsertsPerWriter; sent += BatchSize)
            {
                var batch = Enumerable.Range(sent, BatchSize).Select(n =>
                {
                    var (urn, stamp) = (Model(random.Next(Entities)), $"w{w}-{n}");
                    return random.Next(2) == 0
                        ? (urn, "mlModelProperties", stamp, new JsonObject { ["description"] = stamp, ["groups"] = new JsonArray(Group(random.Next(4))) })
                        : (urn, "globalTags", stamp, new JsonObject { ["tags"] = new JsonArray(new JsonObject { ["tag"] = $"urn:li:tag:{stamp}" }) });
                }).ToList();
                var response = await gms.EmitBatchAsync([.. batch.Select(b => DataHubWire.Proposal(b.urn, b.Item2, b.Item4))]);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
                foreach (var b in batch) acknowledged.Add((b.urn, b.Item2, b.stamp));
            }
        })));
        acknowledged.Count.ShouldBe(Writers * UpsertsPerWriter);

        var store = factory.Services.GetRequiredService<IGraphStore>();
        foreach (var group in acknowledged.GroupBy(a => (a.Urn, a.Aspect)))
        {
            var history = await store.GetAspectVersionsAsync(group.Key.Urn, group.Key.Aspect, CancellationToken.None);
            var stamps = history.Select(v => Stamp(group.Key.Aspect, v.Value)).ToList();
            stamps.Order().ShouldBe(group.Select(a => a.Stamp).Order(), $"{group.Key}: every acknowledged write, once");

            if (group.Key.Aspect != "mlModelProperties") continue;
            var latest = history.Single(v => v.Version == 0).Value;
            var edges = await store.GetRelationshipsAsync(
                new RelationshipQuery(group.Key.Urn, RelationshipDirection.Outgoing, ["MemberOf"], 0, 100), CancellationToken.None);
            edges.Items.Select(e => e.Urn).ShouldBe([latest["groups"]![0]!.GetValue<string>()], $"{group.Key.Urn}: the latest groups");
        }
    }

    private static string Stamp(string aspect, JsonObject value) => aspect == "globalTags"
        ? value["tags"]![0]!["tag"]!.GetValue<string>()["urn:li:tag:".Length..]
        : value["description"]!.GetValue<string>();
}

[Collection(SqliteApiCollection.Name)]
public sealed class sqlite_concurrent_writers(SqliteApiFactory factory) : ConcurrentWritersTests(factory);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_concurrent_writers(Neo4jApiFactory factory) : ConcurrentWritersTests(factory);
