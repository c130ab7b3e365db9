using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.GraphQL;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Consistency;

/// <summary>
/// A write's 200 leaves only once this instance's search index reflects it: search, autocomplete and GraphQL search
/// find it at once, with no polling. Every write answers its change-feed sequence, and a read can ask to be served
/// only once the index has applied a given one.
/// </summary>
public abstract class ReadYourWritesTests(LineageApiFactory factory)
{
    private readonly DataHubWire _gms = new(factory.CreateClient());
    private readonly GraphQLClient _graphql = new(factory.CreateClient());
    private readonly string _word = "zq" + string.Concat(Enumerable.Range(0, 10).Select(_ => "bcdfghjklmnpqrtvwxz"[Random.Shared.Next(19)]));

    private string Model(int i) => $"urn:li:mlModel:(urn:li:dataPlatform:mlflow,{_word}_m{i},PROD)";

    [Fact]
    public async Task each_of_150_single_writes_is_found_at_once_by_search_autocomplete_and_graphql()
    {
        await IndexLiveAsync();
        var missed = new List<string>();
        for (var i = 0; i < 150; i++)
        {
            var model = Model(i);
            await _gms.UpsertAsync(model, "mlModelProperties", new JsonObject { ["description"] = $"model {i} of {_word}" });

            if (!Urns(await Search($"{_word}_m{i}")).Contains(model)) missed.Add($"search {i}");
            if (!Suggested(await Autocomplete($"{_word}_m{i}")).Contains(model)) missed.Add($"autocomplete {i}");
            if (i % 10 == 0 && !GraphQLUrns(await GraphQLSearch($"{_word}_m{i}")).Contains(model)) missed.Add($"graphql {i}");
        }

        missed.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_batch_of_1000_aspects_is_searchable_when_acknowledged()
    {
        await IndexLiveAsync();
        var proposals = Enumerable.Range(0, 500).SelectMany(i => new[]
        {
            DataHubWire.Proposal(Model(i), "mlModelProperties", new JsonObject { ["description"] = $"batch model of {_word}" }),
            DataHubWire.Proposal(Model(i), "globalTags", new JsonObject { ["tags"] = new JsonArray(new JsonObject { ["tag"] = $"urn:li:tag:{_word}" }) }),
        }).ToArray();

        (await _gms.EmitBatchAsync(proposals)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Search($"{_word}&count=1"))["total"]!.GetValue<int>().ShouldBe(500);
        (await Search($"{_word}&tag={Uri.EscapeDataString($"urn:li:tag:{_word}")}&count=1"))["total"]!.GetValue<int>().ShouldBe(500);
    }

    [Fact]
    public async Task a_delete_is_gone_from_search_when_acknowledged()
    {
        await IndexLiveAsync();
        await _gms.UpsertAsync(Model(1), "mlModelProperties", new JsonObject { ["description"] = _word });
        Urns(await Search(_word)).ShouldBe([Model(1)]);

        (await _gms.Send(HttpMethod.Post, "/entities?action=delete", new JsonObject { ["urn"] = Model(1) })).StatusCode.ShouldBe(HttpStatusCode.OK);

        Urns(await Search(_word)).ShouldBeEmpty();
    }

    [Fact]
    public async Task every_write_answers_the_sequence_of_its_last_change()
    {
        await IndexLiveAsync();
        var first = await _gms.EmitAsync(Model(1), "mlModelProperties", new JsonObject { ["description"] = "one" });
        var batch = await _gms.EmitBatchAsync(
            DataHubWire.Proposal(Model(2), "mlModelProperties", new JsonObject { ["description"] = "two" }),
            DataHubWire.Proposal(Model(3), "mlModelProperties", new JsonObject { ["description"] = "three" }));
        var unchanged = await _gms.EmitAsync(Model(1), "mlModelProperties", new JsonObject { ["description"] = "one" });
        var deleted = await _gms.Send(HttpMethod.Post, "/entities?action=delete", new JsonObject { ["urn"] = Model(3) });

        var sequences = new[] { first, batch, unchanged, deleted }.Select(Sequence).ToList();

        sequences[1].ShouldBeGreaterThan(sequences[0]);
        sequences[2].ShouldBeGreaterThanOrEqualTo(sequences[1], "a write that changed nothing answers a sequence at which its value is visible");
        sequences[3].ShouldBeGreaterThan(sequences[2]);
        var changes = await _gms.Send(HttpMethod.Get, $"/api/v1/search?q={_word}");
        changes.Headers.Contains("X-Lineage-Sequence").ShouldBeFalse("reads answer no sequence");
    }

    [Fact]
    public async Task a_read_with_a_reached_min_sequence_is_served_at_once()
    {
        await IndexLiveAsync();
        var written = Sequence(await _gms.EmitAsync(Model(1), "mlModelProperties", new JsonObject { ["description"] = _word }));

        var response = await SearchWith(_word, written.ToString());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Urns((await response.Content.ReadFromJsonAsync<JsonObject>())!).ShouldBe([Model(1)]);
    }

    [Fact]
    public async Task a_read_with_a_min_sequence_the_index_does_not_reach_answers_503_with_retry_after()
    {
        await IndexLiveAsync();
        var written = Sequence(await _gms.EmitAsync(Model(1), "mlModelProperties", new JsonObject { ["description"] = _word }));
        var beyond = written + 1_000_000;

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var response = await SearchWith(_word, beyond.ToString());

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        clock.Elapsed.ShouldBeGreaterThan(TimeSpan.FromSeconds(1), "it waited for the index first");
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(1));
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        error["path"]!.GetValue<string>().ShouldBe("X-Lineage-Min-Sequence");
        error["message"]!.GetValue<string>().ShouldContain($"not yet {beyond}");
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-1")]
    [InlineData("1.5")]
    public async Task a_min_sequence_that_is_not_a_sequence_number_is_a_400_naming_the_header(string value)
    {
        await IndexLiveAsync();
        var response = await SearchWith(_word, value);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        error["path"]!.GetValue<string>().ShouldBe("X-Lineage-Min-Sequence");
        error["message"]!.GetValue<string>().ShouldContain("not a change-feed sequence number");
    }

    [Fact]
    public async Task datahubs_sync_index_update_header_is_accepted_on_the_request_and_in_the_proposal()
    {
        await IndexLiveAsync();
        var proposal = DataHubWire.Proposal(Model(7), "mlModelProperties", new JsonObject { ["description"] = _word },
            headers: new JsonObject { ["X-DataHub-Sync-Index-Update"] = "true" });
        var request = new HttpRequestMessage(HttpMethod.Post, "/aspects?action=ingestProposal")
        {
            Content = JsonContent.Create(new JsonObject { ["proposal"] = proposal, ["async"] = "false" }),
        };
        request.Headers.Add("X-RestLi-Protocol-Version", "2.0.0");
        request.Headers.Add("X-DataHub-Sync-Index-Update", "true");

        (await _gms.Http.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        Urns(await Search(_word)).ShouldBe([Model(7)]);
    }

    /// <summary>
    /// Waits until the host's index is live. A host new to the shared Neo4j test server first replays every other
    /// test's writes, and acknowledges writes without waiting until it has (README: searchable when acknowledged).
    /// </summary>
    private async Task IndexLiveAsync()
    {
        var probe = $"urn:li:mlModel:(urn:li:dataPlatform:mlflow,live_probe_{Guid.NewGuid():N},PROD)";
        var written = Sequence(await _gms.EmitAsync(probe, "mlModelProperties", new JsonObject { ["description"] = "live" }));
        for (var clock = System.Diagnostics.Stopwatch.StartNew(); ; )
        {
            if ((await SearchWith("live", written.ToString())).StatusCode == HttpStatusCode.OK) return;
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(5), "the index did not catch up with the change feed");
        }
    }

    private static long Sequence(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.TryGetValues("X-Lineage-Sequence", out var values).ShouldBeTrue("a write answers X-Lineage-Sequence");
        return long.Parse(values!.Single());
    }

    private async Task<HttpResponseMessage> SearchWith(string query, string minSequence)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/search?q={query}");
        request.Headers.Add("X-Lineage-Min-Sequence", minSequence);
        return await _gms.Http.SendAsync(request);
    }

    private async Task<JsonObject> Search(string query) =>
        await DataHubWire.ReadObjectAsync(await _gms.Send(HttpMethod.Get, $"/api/v1/search?q={query}"));

    private async Task<JsonObject> Autocomplete(string query) =>
        await DataHubWire.ReadObjectAsync(await _gms.Send(HttpMethod.Get, $"/api/v1/autocomplete?q={query}"));

    private async Task<JsonObject> GraphQLSearch(string query) => await _graphql.DataAsync(
        "query ($input: SearchAcrossEntitiesInput!) { searchAcrossEntities(input: $input) { searchResults { entity { urn } } } }",
        new JsonObject { ["input"] = new JsonObject { ["query"] = query, ["count"] = 10 } });

    private static List<string> Urns(JsonObject results) => results["results"]!.AsArray().Select(r => r!["urn"]!.GetValue<string>()).ToList();

    private static List<string> Suggested(JsonObject body) => body["suggestions"]!.AsArray().Select(s => s!["urn"]!.GetValue<string>()).ToList();

    private static List<string> GraphQLUrns(JsonObject data) =>
        data["searchAcrossEntities"]!["searchResults"]!.AsArray().Select(r => r!["entity"]!["urn"]!.GetValue<string>()).ToList();
}

[Collection(SqliteApiCollection.Name)]
public sealed class sqlite_read_your_writes(SqliteApiFactory factory) : ReadYourWritesTests(factory);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_read_your_writes(Neo4jApiFactory factory) : ReadYourWritesTests(factory);
