using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Consistency;

/// <summary>
/// Two API processes on one Neo4j server of their own, as two replicas behind a load balancer: they share tokens, a
/// write acknowledged by one is found by the other's search, and killing one during writes through both loses
/// nothing acknowledged and leaves the other's index complete. Not the shared test server: a new instance's index
/// first replays the whole change feed, which there is every other test's writes.
/// </summary>
[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_two_instances(TwoInstancesServer server, Xunit.Abstractions.ITestOutputHelper output)
    : IAsyncLifetime, IClassFixture<TwoInstancesServer>
{
    private readonly string _a = Path.Combine(Path.GetTempPath(), "lineage-instance-a-" + Guid.NewGuid().ToString("N"));
    private readonly string _b = Path.Combine(Path.GetTempPath(), "lineage-instance-b-" + Guid.NewGuid().ToString("N"));
    // Letters only, so that the search analyzer keeps it one word.
    private readonly string _run = new([.. Enumerable.Range(0, 12).Select(_ => (char)('a' + Random.Shared.Next(26)))]);
    private ServiceProcess _serviceA = null!;
    private ServiceProcess _serviceB = null!;

    private string[] Settings => ["--Lineage:Store=neo4j", $"--Lineage:Neo4j:Uri={server.Uri}"];

    public async Task InitializeAsync()
    {
        // The first instance on a store makes its admin token; the second makes none, and is handed the first's, as an
        // operator hands one token to every replica; later tests reuse it, the server being the same.
        if (!server.HasAdminToken)
        {
            _serviceA = await ServiceProcess.StartAsync(_a, Settings);
            server.AdminToken = await File.ReadAllTextAsync(Path.Combine(_a, "admin.token"));
        }
        else
        {
            Directory.CreateDirectory(_a);
            await File.WriteAllTextAsync(Path.Combine(_a, "admin.token"), server.AdminToken);
            _serviceA = await ServiceProcess.StartAsync(_a, Settings);
        }
        Directory.CreateDirectory(_b);
        await File.WriteAllTextAsync(Path.Combine(_b, "admin.token"), server.AdminToken);
        _serviceB = await ServiceProcess.StartAsync(_b, Settings);
        output.WriteLine($"A started in {_serviceA.Startup.TotalSeconds:0.0} s, B in {_serviceB.Startup.TotalSeconds:0.0} s");
    }

    public async Task DisposeAsync()
    {
        await _serviceA.DisposeAsync();
        await _serviceB.DisposeAsync();
        foreach (var directory in new[] { _a, _b })
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private string Model(string name) => $"urn:li:mlModel:(urn:li:dataPlatform:science,{_run}_{name},PROD)";

    [Fact]
    public async Task a_token_made_on_one_instance_works_on_the_other_and_a_revocation_reaches_it_within_a_second()
    {
        var created = await _serviceA.Http.PostAsJsonAsync("/api/v1/admin/tokens", new JsonObject { ["name"] = $"script {_run}", ["scope"] = "read" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var token = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        using var onB = new HttpClient { BaseAddress = _serviceB.Address };
        onB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token["token"]!.GetValue<string>());

        (await onB.GetAsync("/api/v1/search?q=anything")).StatusCode.ShouldBe(HttpStatusCode.OK, "a token made on A works on B at once");

        (await _serviceA.Http.DeleteAsync($"/api/v1/admin/tokens/{token["id"]!.GetValue<string>()}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        do status = (await onB.GetAsync("/api/v1/search?q=anything")).StatusCode;
        while (status == HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(3));

        status.ShouldBe(HttpStatusCode.Unauthorized);
        output.WriteLine($"B refused the token revoked on A after {clock.ElapsedMilliseconds} ms");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task a_write_on_one_instance_is_found_on_the_other_at_once_with_its_sequence_and_within_two_seconds_without()
    {
        var onA = new DataHubWire(_serviceA.Http);
        var first = await onA.EmitAsync(Model("sequenced"), "mlModelProperties", new JsonObject { ["description"] = $"{_run} sequenced" });
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/search?q={_run}_sequenced");
        request.Headers.Add("X-Lineage-Min-Sequence", first.Headers.GetValues("X-Lineage-Sequence").Single());

        var found = await _serviceB.Http.SendAsync(request);

        found.StatusCode.ShouldBe(HttpStatusCode.OK);
        Urns(await found.Content.ReadFromJsonAsync<JsonObject>()).ShouldBe([Model("sequenced")], "found on B by the first read that names A's sequence");

        (await onA.EmitAsync(Model("polled"), "mlModelProperties", new JsonObject { ["description"] = $"{_run} polled" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var clock = Stopwatch.StartNew();
        while (!Urns(await _serviceB.Http.GetFromJsonAsync<JsonObject>($"/api/v1/search?q={_run}_polled")).Contains(Model("polled")))
        {
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2), "B's index shows A's write within two seconds");
            await Task.Delay(20);
        }
        output.WriteLine($"B found A's write {clock.ElapsedMilliseconds} ms after A acknowledged it");
    }

    [Fact]
    public async Task killing_one_instance_during_writes_through_both_loses_nothing_acknowledged_and_the_other_indexes_everything()
    {
        var acknowledged = new ConcurrentDictionary<string, long>();
        var stop = new CancellationTokenSource();
        var shed = 0;
        async Task WriteThrough(ServiceProcess service, string name)
        {
            var gms = new DataHubWire(service.Http);
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                // A killed in the middle of a batch leaves its Neo4j transaction, and the change feed's lock, open until
                // the server's idle timeout (10 s here) ends it; B's writes queued behind it meanwhile are shed with a
                // 503, and a client sends them again, as DataHub's emitter does.
                var urn = Model($"{name}{i}");
                HttpResponseMessage response;
                try
                {
                    response = await gms.EmitBatchAsync(
                        DataHubWire.Proposal(urn, "mlModelProperties", new JsonObject { ["description"] = $"{_run} written through {name}" }),
                        DataHubWire.Proposal(urn, "globalTags", new JsonObject { ["tags"] = new JsonArray(new JsonObject { ["tag"] = $"urn:li:tag:{_run}" }) }));
                }
                catch (HttpRequestException)
                {
                    return; // the instance was killed
                }
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    Interlocked.Increment(ref shed);
                    await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                    i--;
                    continue;
                }
                response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
                acknowledged[urn] = long.Parse(response.Headers.GetValues("X-Lineage-Sequence").Single());
            }
        }
        var writers = new[] { WriteThrough(_serviceA, "a"), WriteThrough(_serviceA, "aa"), WriteThrough(_serviceB, "b"), WriteThrough(_serviceB, "bb") };
        for (var waited = 0; acknowledged.Count < 20 && waited < 60_000; waited += 20) await Task.Delay(20);
        await Task.Delay(Random.Shared.Next(50, 500));

        await _serviceA.KillAsync();
        var killedAt = acknowledged.Count;
        // B goes on, after waiting out A's open transaction if A died inside one (the server's idle timeout, 10 s).
        for (var waited = 0; acknowledged.Count < killedAt + 10 && waited < 30_000; waited += 20) await Task.Delay(20);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        output.WriteLine($"{acknowledged.Count} writes acknowledged, {killedAt} of them before A was killed; {shed} shed with a 503 and sent again");
        acknowledged.Keys.Count(u => u.Contains($"{_run}_a", StringComparison.Ordinal)).ShouldBeGreaterThan(0);
        acknowledged.Count.ShouldBeGreaterThan(killedAt, "B went on acknowledging writes after A died");
        acknowledged.Count.ShouldBeLessThanOrEqualTo(1000, "one page of search holds them all");
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/search?q={_run}&tag={Uri.EscapeDataString($"urn:li:tag:{_run}")}&count=1000");
        request.Headers.Add("X-Lineage-Min-Sequence", acknowledged.Values.Max().ToString());
        var searched = await _serviceB.Http.SendAsync(request);
        searched.StatusCode.ShouldBe(HttpStatusCode.OK);
        var found = Urns(await searched.Content.ReadFromJsonAsync<JsonObject>()).ToHashSet();
        acknowledged.Keys.Where(u => !found.Contains(u)).ShouldBeEmpty("every acknowledged write, through A or B, is in B's index");
        var onB = new DataHubWire(_serviceB.Http);
        foreach (var urn in acknowledged.Keys)
        {
            var entity = await DataHubWire.ReadObjectAsync(await onB.Send(HttpMethod.Get, $"/entitiesV2/{DataHubWire.Quote(urn)}"));
            var aspects = entity["aspects"]!.AsObject().Select(a => a.Key).ToList();
            aspects.ShouldContain("mlModelProperties", $"{urn} is whole in the store: {string.Join(", ", aspects)}");
            aspects.ShouldContain("globalTags", $"{urn} is whole in the store: {string.Join(", ", aspects)}");
        }
    }

    private static List<string> Urns(JsonObject? results) => results!["results"]!.AsArray().Select(r => r!["urn"]!.GetValue<string>()).ToList();
}

/// <summary>The Neo4j server the two-instance tests share, started for them and stopped after.</summary>
public sealed class TwoInstancesServer : IAsyncLifetime
{
    private Lineage.Graph.Tests.Neo4j.Neo4jInstance? _neo4j;

    public string Uri => _neo4j!.Uri;

    /// <summary>The admin token the first instance made on this server.</summary>
    public string AdminToken { get; set; } = "";

    public bool HasAdminToken => AdminToken.Length > 0;

    public async Task InitializeAsync() => _neo4j = await Lineage.Graph.Tests.Neo4j.Neo4jInstance.StartAsync("instances");

    public async Task DisposeAsync()
    {
        if (_neo4j is not null) await _neo4j.DisposeAsync();
    }
}
