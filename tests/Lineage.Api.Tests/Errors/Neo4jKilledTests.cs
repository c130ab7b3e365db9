using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;
using Lineage.Graph.Changes;
using Lineage.Graph.Storage;
using Lineage.Graph.Storage.Neo4j;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Lineage.Api.Tests.Errors;

/// <summary>
/// The real Neo4j server killed with SIGKILL while a large batch is in flight, then started again on the same data:
/// 503s with Retry-After while it is down; afterwards every acknowledged write is there, the batch is there whole
/// or not at all, the change feed has no gap, and the service writes again without being restarted itself.
/// </summary>
public sealed class Neo4jKilledTests(KillableNeo4jHost fx, ITestOutputHelper output) : IClassFixture<KillableNeo4jHost>
{
    private const int AcknowledgedBatches = 3;
    private const int ModelsPerAcknowledgedBatch = 20;

    /// <summary>2 aspects each: 3,000 proposals, whose commit keeps Neo4j 3.1 busy for seconds on two cores.</summary>
    private const int ModelsInKilledBatch = 1_500;

    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly string[] BothAspects = ["globalTags", "mlModelProperties"];
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    private string Group => $"urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,killed_{_run},PROD)";

    private string Tag => $"urn:li:tag:killed_{_run}";

    private string Model(string batch, int i) => $"urn:li:mlModel:(urn:li:dataPlatform:mlflow,killed_{_run}_{batch}_{i},PROD)";

    private string[] Models(string batch, int count) => [.. Enumerable.Range(0, count).Select(i => Model(batch, i))];

    /// <summary>Each model in the group (a MemberOf edge) and tagged (a TaggedWith edge).</summary>
    private JsonObject[] Batch(string[] models) =>
    [
        .. models.SelectMany(m => new[]
        {
            DataHubWire.Proposal(m, "mlModelProperties", new JsonObject { ["name"] = m, ["groups"] = new JsonArray(Group) }),
            DataHubWire.Proposal(m, "globalTags", new JsonObject { ["tags"] = new JsonArray(new JsonObject { ["tag"] = Tag }) }),
        }),
    ];

    [Fact]
    public async Task killing_neo4j_mid_batch_gives_503s_and_after_its_restart_the_batch_is_all_or_nothing()
    {
        var clock = Stopwatch.StartNew();
        var gms = new DataHubWire(fx.Host.CreateClient());
        await gms.UpsertAsync(Group, "mlModelGroupProperties", new JsonObject { ["name"] = "killed" });
        output.WriteLine($"host up and first write in {clock.Elapsed.TotalSeconds:0.0} s");
        var acknowledged = new List<string>();
        for (var b = 0; b < AcknowledgedBatches; b++)
        {
            var models = Models($"ack{b}", ModelsPerAcknowledgedBatch);
            var response = await gms.EmitBatchAsync(Batch(models));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            acknowledged.AddRange(models);
        }

        // The large batch, and the kill once Neo4j is busy committing it: Neo4j hands out node ids as a transaction
        // creates nodes, before it commits, so the ids in use show the batch's commit under way.
        var killed = Models("big", ModelsInKilledBatch);
        var baseline = await NodeIdsInUseAsync();
        var sending = gms.EmitBatchAsync(Batch(killed));
        var sent = clock.Elapsed;
        var busy = Stopwatch.StartNew();
        long ids;
        while ((ids = await NodeIdsInUseAsync()) < baseline + ModelsInKilledBatch / 2 && !sending.IsCompleted)
        {
            busy.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60), "the batch's commit never got under way");
            await Task.Delay(20);
        }
        var answeredBeforeKill = sending.IsCompleted;
        await fx.Neo4j.KillAsync();
        var killedAfter = busy.Elapsed;
        var answer = await sending.WaitAsync(TimeSpan.FromSeconds(60));
        var answeredAfter = busy.Elapsed - killedAfter;
        var batchFailed = answer.StatusCode == HttpStatusCode.ServiceUnavailable;
        if (batchFailed) await ShouldBeUnavailableAsync(answer);
        else answer.StatusCode.ShouldBe(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        output.WriteLine($"batch sent at {sent.TotalSeconds:0.0} s; killed {killedAfter.TotalSeconds:0.00} s later with {ids - baseline} of its node ids handed out " +
                         $"(answered before the kill: {answeredBeforeKill}); its answer: {(int)answer.StatusCode}, {answeredAfter.TotalSeconds:0.0} s after the kill");

        // While Neo4j is down: reads, writes and /health all say so, with a JSON error and when to try again.
        var downModel = Model("down", 0);
        await ShouldBeUnavailableAsync(await gms.Send(HttpMethod.Get, $"/entities/{DataHubWire.Quote(Group)}"));
        await ShouldBeUnavailableAsync(await gms.Send(HttpMethod.Get, $"/entitiesV2/{DataHubWire.Quote(acknowledged[0])}"));
        await ShouldBeUnavailableAsync(await gms.EmitAsync(downModel, "mlModelProperties", new JsonObject { ["name"] = "down" }));
        await ShouldBeUnavailableAsync(await gms.EmitBatchAsync(Batch([downModel])));
        await ShouldBeUnavailableAsync(await gms.Send(HttpMethod.Get, "/health"));

        // Neo4j again, on the data the kill left: the service finds it without a restart of its own.
        var uri = fx.Neo4j.Uri;
        var resuming = clock.Elapsed;
        await fx.Neo4j.ResumeAsync();
        fx.Neo4j.Uri.ShouldBe(uri, "the killed server's ports were taken meanwhile, and the service knows only the old address");
        await HealthyAsync(gms);
        output.WriteLine($"restarted and healthy again in {(clock.Elapsed - resuming).TotalSeconds:0.0} s");

        // Every acknowledged write is there.
        (await gms.GetAspectAsync(Group, "mlModelGroupProperties", "com.linkedin.ml.metadata.MLModelGroupProperties"))!["name"]!
            .GetValue<string>().ShouldBe("killed");
        foreach (var model in acknowledged) (await AspectsOfAsync(gms, model)).ShouldBe(BothAspects, model);
        (await gms.Send(HttpMethod.Get, $"/entities/{DataHubWire.Quote(downModel)}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The killed batch: all of it or none of it, in the graph, over the API and in the change feed.
        // A 503 leaves either outcome to a retry (a commit whose answer the kill cut off is there), a 200 only one.
        var whole = await BatchIsWholeAsync(gms, killed, acknowledged);
        if (!batchFailed) whole.ShouldBeTrue("a batch answered with a 200 was lost");
        await FeedIsWholeAsync(killed, whole, acknowledged, [downModel]);

        // New writes go through (the killed transaction holds no lock), and the feed goes on with no gap.
        var after = Models("after", ModelsPerAcknowledgedBatch).Append(downModel).ToArray();
        var resumed = await gms.EmitBatchAsync(Batch(after));
        resumed.StatusCode.ShouldBe(HttpStatusCode.OK, await resumed.Content.ReadAsStringAsync());
        foreach (var model in after) (await AspectsOfAsync(gms, model)).ShouldBe(BothAspects, model);
        await FeedIsWholeAsync(killed, whole, [.. acknowledged, .. after], []);
        output.WriteLine($"{(batchFailed ? "503 path" : "200 path")}, batch {(whole ? "all there" : "not there")}; {clock.Elapsed.TotalSeconds:0.0} s in all, the first start of the server not counted");
    }

    /// <summary>Whether every model of the batch is there with both aspects and both edges; fails when only part of it is.</summary>
    private async Task<bool> BatchIsWholeAsync(DataHubWire gms, string[] batch, IReadOnlyCollection<string> acknowledged)
    {
        var n = batch.Length;
        var urns = new JsonObject { ["urns"] = new JsonArray([.. batch.Select(u => (JsonNode)u)]) };
        var entities = await CountAsync("MATCH (e:Entity) WHERE e.urn IN $urns RETURN count(e)", urns);
        const string LatestAspects = "MATCH (e:Entity)-[:HAS_ASPECT]->(a:Aspect {_version: 0}) WHERE e.urn IN $urns RETURN count(a)";
        var latest = await CountAsync(LatestAspects, urns);
        var edges = await CountAsync("MATCH (e:Entity)-[r:MemberOf|TaggedWith]->() WHERE e.urn IN $urns RETURN count(r)", urns);
        // The two written aspects and whatever the write path adds (the key aspect), as many as an acknowledged model has.
        var perModel = await CountAsync(LatestAspects, new JsonObject { ["urns"] = new JsonArray(acknowledged.First()) });
        output.WriteLine($"of the batch's {n} models: {entities} entities, {latest} latest aspects, {edges} edges");
        var whole = entities == n;
        if (whole) (latest, edges).ShouldBe((perModel * n, 2L * n), "the batch is there, but only part of its aspects and edges");
        else (entities, latest, edges).ShouldBe((0L, 0L, 0L), "part of the batch is there");

        // The API agrees: the group's and the tag's incoming edges, and a sample of the models.
        var expected = acknowledged.Count + (whole ? n : 0);
        (await IncomingAsync(gms, Group, "MemberOf")).ShouldBe(expected);
        (await IncomingAsync(gms, Tag, "TaggedWith")).ShouldBe(expected);
        foreach (var model in batch.Where((_, i) => i % (n / 10) == 0 || i == n - 1))
            (await AspectsOfAsync(gms, model)).ShouldBe(whole ? BothAspects : [], model);
        return whole;
    }

    /// <summary>The change feed, read as the search index reads it: numbered 1, 2, 3 … with no gap, the counter at its end, and the batch's changes all there or none.</summary>
    private async Task FeedIsWholeAsync(string[] batch, bool whole, IReadOnlyCollection<string> acknowledged, IReadOnlyCollection<string> absent)
    {
        var store = fx.Host.Services.GetRequiredService<IGraphStore>();
        var feed = new List<ChangeRecord>();
        for (long after = 0; ;)
        {
            var page = await store.ReadChangesAfterAsync(after, 1000, Ct);
            if (page.Count == 0) break;
            feed.AddRange(page);
            after = page[^1].Sequence;
        }
        feed.Select(c => c.Sequence).ShouldBe(Enumerable.Range(1, feed.Count).Select(i => (long)i), "the change feed has a gap");
        (await CountAsync("MATCH (f:ChangeFeed {id: 'main'}) RETURN f.seq", [])).ShouldBe(feed.Count, "the feed's counter is not at its last change");

        var inBatch = batch.ToHashSet();
        var ofBatch = feed.Where(c => inBatch.Contains(c.Urn)).ToList();
        // As many changes as an acknowledged model has: its two aspects and what the write path adds (the key aspect).
        var perModel = feed.Count(c => c.Urn == acknowledged.First());
        ofBatch.Count.ShouldBe(whole ? perModel * batch.Length : 0, "the batch's changes are partly in the feed");
        if (whole)
        {
            // One batch, one run of numbers: nothing of anything else in between.
            var sequences = ofBatch.Select(c => c.Sequence).ToList();
            (sequences[^1] - sequences[0] + 1).ShouldBe(sequences.Count);
        }
        var written = feed.Select(c => (c.Urn, c.Aspect)).ToHashSet();
        foreach (var model in acknowledged)
        {
            written.ShouldContain((model, "mlModelProperties"));
            written.ShouldContain((model, "globalTags"));
        }
        feed.Where(c => absent.Contains(c.Urn)).ShouldBeEmpty();
    }

    private static async Task ShouldBeUnavailableAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, text);
        response.Headers.RetryAfter.ShouldNotBeNull();
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        var body = JsonNode.Parse(text)!;
        body["status"]!.GetValue<int>().ShouldBe(503);
        body["message"]!.GetValue<string>().ShouldContain("unavailable");
    }

    private static async Task HealthyAsync(DataHubWire gms)
    {
        var deadline = Stopwatch.StartNew();
        while ((await gms.Send(HttpMethod.Get, "/health")).StatusCode != HttpStatusCode.OK)
        {
            deadline.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30), "the service did not find Neo4j again");
            await Task.Delay(100);
        }
    }

    /// <summary>The names of the entity's aspects other than its key, sorted; empty when it is not there.</summary>
    private static async Task<string[]> AspectsOfAsync(DataHubWire gms, string urn)
    {
        var response = await gms.Send(HttpMethod.Get, $"/entitiesV2/{DataHubWire.Quote(urn)}");
        if (response.StatusCode == HttpStatusCode.NotFound) return [];
        var aspects = (await DataHubWire.ReadObjectAsync(response))["aspects"]!.AsObject();
        return [.. aspects.Select(a => a.Key).Where(a => a is "mlModelProperties" or "globalTags").Order(StringComparer.Ordinal)];
    }

    private static async Task<long> IncomingAsync(DataHubWire gms, string urn, string type)
    {
        var page = await DataHubWire.ReadObjectAsync(await gms.Send(HttpMethod.Get,
            $"/relationships?direction=INCOMING&urn={DataHubWire.Quote(urn)}&types={type}&count=0"));
        return page["total"]!.GetValue<long>();
    }

    private Task<long> NodeIdsInUseAsync() =>
        CountAsync("CALL dbms.queryJmx('org.neo4j:instance=kernel#0,name=Primitive count') YIELD attributes " +
                   "RETURN attributes.NumberOfNodeIdsInUse.value", []);

    private async Task<long> CountAsync(string cypher, JsonObject parameters) => (await QueryAsync(cypher, parameters))[0][0]!.GetValue<long>();

    private async Task<IReadOnlyList<JsonArray>> QueryAsync(string cypher, JsonObject parameters) =>
        (await fx.Cypher.RunAsync([new CypherStatement("test", cypher, parameters)], Ct))[0].Rows;
}
