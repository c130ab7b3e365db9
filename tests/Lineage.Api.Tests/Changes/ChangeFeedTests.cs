using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Changes;

/// <summary>
/// The change feed out, on both stores: <c>GET /api/v1/changes</c> pages and <c>GET /api/v1/changes/stream</c>
/// (Server-Sent Events), each change as DataHub's MetadataChangeLog, in order, and resumable where the reader left off.
/// </summary>
public abstract class ChangeFeedTests(LineageApiFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient();
    private readonly DataHubWire _gms = new(factory.CreateClient());
    private readonly string _id = Guid.NewGuid().ToString("N")[..10];

    private string Model(string name) => $"urn:li:mlModel:(urn:li:dataPlatform:science,changes_{_id}_{name},PROD)";

    [Fact]
    public async Task each_change_reads_as_a_metadata_change_log_in_the_order_it_was_made()
    {
        var cursor = await LastSequenceAsync();
        var model = Model("log");
        await _gms.UpsertAsync(model, "mlModelProperties", new JsonObject { ["description"] = "one" });
        await _gms.UpsertAsync(model, "mlModelProperties", new JsonObject { ["description"] = "two" });
        (await _gms.EmitAsync(DataHubWire.Proposal(model, "mlModelProperties", null, "DELETE"))).EnsureSuccessStatusCode();

        var mine = (await ReadFeedAsync(cursor)).Where(c => c["entityUrn"]!.GetValue<string>() == model && c["aspectName"]!.GetValue<string>() == "mlModelProperties").ToList();

        mine.Select(c => c["changeType"]!.GetValue<string>()).ShouldBe(["UPSERT", "UPSERT", "DELETE"]);
        mine.Select(c => c["sequence"]!.GetValue<long>()).ShouldBeInOrder(SortDirection.Ascending);
        Description(mine[0]["aspect"]).ShouldBe("one");
        mine[0]["previousAspectValue"].ShouldBeNull();
        Description(mine[1]["aspect"]).ShouldBe("two");
        Description(mine[1]["previousAspectValue"]).ShouldBe("one");
        mine[2]["aspect"].ShouldBeNull();
        Description(mine[2]["previousAspectValue"]).ShouldBe("two");
        mine[0]["aspect"]!["contentType"]!.GetValue<string>().ShouldBe("application/json");
        mine[0]["entityType"]!.GetValue<string>().ShouldBe("mlModel");
        mine[0]["systemMetadata"]!["runId"]!.GetValue<string>().ShouldBe("no-run-id-provided");
        mine.ShouldAllBe(c => c["created"]!["actor"]!.GetValue<string>() == "urn:li:corpuser:__datahub_system" && c["created"]!["time"]!.GetValue<long>() > 0);
    }

    [Fact]
    public async Task pages_follow_each_other_without_gaps_and_a_hard_delete_is_a_delete_of_the_key_aspect()
    {
        var cursor = await LastSequenceAsync();
        var model = Model("pages");
        await _gms.UpsertAsync(model, "mlModelProperties", new JsonObject { ["description"] = "x" });
        (await _gms.Send(HttpMethod.Post, "/entities?action=delete", new JsonObject { ["urn"] = model })).EnsureSuccessStatusCode();

        var sequences = new List<long>();
        var all = new List<JsonObject>();
        for (var after = cursor; ;)
        {
            var page = await _http.GetFromJsonAsync<JsonObject>($"/api/v1/changes?after={after}&limit=1");
            var changes = page!["changes"]!.AsArray().Select(c => c!.AsObject()).ToList();
            if (changes.Count == 0)
            {
                page["next"]!.GetValue<long>().ShouldBe(after);
                break;
            }
            changes.Count.ShouldBe(1);
            after = page["next"]!.GetValue<long>();
            changes[0]["sequence"]!.GetValue<long>().ShouldBe(after);
            sequences.Add(after);
            all.Add(changes[0]);
        }
        sequences.ShouldBe(Enumerable.Range(0, sequences.Count).Select(i => cursor + 1 + i));
        var deleted = all.Last(c => c["entityUrn"]!.GetValue<string>() == model);
        deleted["changeType"]!.GetValue<string>().ShouldBe("DELETE");
        deleted["aspectName"]!.GetValue<string>().ShouldBe("mlModelKey");
    }

    [Fact]
    public async Task the_stream_sends_changes_as_they_come_and_a_reconnect_with_last_event_id_resumes_after_it()
    {
        var cursor = await LastSequenceAsync();
        var model = Model("stream");
        long lastSeen;
        using (var stream = await OpenStreamAsync($"/api/v1/changes/stream?after={cursor}"))
        {
            foreach (var d in new[] { "one", "two", "three" })
                await _gms.UpsertAsync(model, "mlModelProperties", new JsonObject { ["description"] = d });
            var events = await stream.ReadUntilAsync(e => Urn(e) == model && Description(Data(e)["aspect"]) == "three");
            var mine = events.Where(e => Urn(e) == model && Aspect(e) == "mlModelProperties").ToList();
            mine.Select(e => Description(Data(e)["aspect"])).ShouldBe(["one", "two", "three"]);
            events.ShouldAllBe(e => e.Event == "change");
            events.Select(e => long.Parse(e.Id!)).ShouldBe(Enumerable.Range(0, events.Count).Select(i => cursor + 1 + i));
            lastSeen = long.Parse(mine[^1].Id!);
        }

        foreach (var d in new[] { "four", "five" })
            await _gms.UpsertAsync(model, "mlModelProperties", new JsonObject { ["description"] = d });
        using var resumed = await OpenStreamAsync("/api/v1/changes/stream", lastSeen);
        var after = await resumed.ReadUntilAsync(e => Urn(e) == model && Description(Data(e)["aspect"]) == "five");
        after.Where(e => Urn(e) == model && Aspect(e) == "mlModelProperties").Select(e => Description(Data(e)["aspect"])).ShouldBe(["four", "five"]);
        long.Parse(after[0].Id!).ShouldBe(lastSeen + 1);
    }

    [Theory]
    [InlineData("/api/v1/changes?limit=0", "limit")]
    [InlineData("/api/v1/changes?limit=1001", "limit")]
    [InlineData("/api/v1/changes?after=-1", "after")]
    [InlineData("/api/v1/changes?from=3", "from")]
    [InlineData("/api/v1/changes/stream?after=-5", "after")]
    public async Task a_bad_query_is_a_400_naming_the_parameter(string path, string parameter)
    {
        var response = await _http.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain(parameter);
    }

    [Fact]
    public async Task a_last_event_id_that_is_not_a_sequence_number_is_a_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/changes/stream");
        request.Headers.Add("Last-Event-ID", "yesterday");
        using var response = await _http.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Last-Event-ID");
    }

    private async Task<long> LastSequenceAsync() =>
        (await _http.GetFromJsonAsync<JsonObject>("/health"))!["search"]!["appliedSequence"]!.GetValue<long>();

    private async Task<List<JsonObject>> ReadFeedAsync(long after)
    {
        var all = new List<JsonObject>();
        while (true)
        {
            var page = await _http.GetFromJsonAsync<JsonObject>($"/api/v1/changes?after={after}&limit=1000");
            var changes = page!["changes"]!.AsArray().Select(c => c!.AsObject()).ToList();
            if (changes.Count == 0) return all;
            all.AddRange(changes);
            after = page["next"]!.GetValue<long>();
        }
    }

    private async Task<EventStreamReader> OpenStreamAsync(string path, long? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is { } id) request.Headers.Add("Last-Event-ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        return new EventStreamReader(response);
    }

    private static JsonObject Data(ServerSentEvent e) => JsonNode.Parse(e.Data)!.AsObject();

    private static string Urn(ServerSentEvent e) => Data(e)["entityUrn"]!.GetValue<string>();

    private static string Aspect(ServerSentEvent e) => Data(e)["aspectName"]!.GetValue<string>();

    private static string? Description(JsonNode? generic) =>
        generic?["value"] is { } value ? JsonNode.Parse(value.GetValue<string>())!["description"]?.GetValue<string>() : null;
}

[Collection(SqliteApiCollection.Name)]
public sealed class sqlite_change_feed_out(SqliteApiFactory factory) : ChangeFeedTests(factory);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_change_feed_out(Neo4jApiFactory factory) : ChangeFeedTests(factory);
