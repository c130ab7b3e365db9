using System.Net;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Hardening;

/// <summary>
/// The service is killed with SIGKILL in the middle of a stream of batch ingests and started again on the same data:
/// every acknowledged batch is there, no batch is half there, and the search index converges to the store.
/// </summary>
public abstract class CrashTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const int EntitiesPerBatch = 10;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "lineage-crash-" + Guid.NewGuid().ToString("N"));

    // Letters only, so that the search analyzer keeps it one word.
    private readonly string _run = new([.. Enumerable.Range(0, 12).Select(_ => (char)('a' + Random.Shared.Next(26)))]);

    /// <summary>The settings that put the service on the store under test.</summary>
    protected abstract string[] StoreSettings { get; }

    private string Model(int batch, int i) => $"urn:li:mlModel:(urn:li:dataPlatform:science,crash_{_run}_{batch}_{i},PROD)";

    private JsonObject[] Batch(int batch) =>
    [
        .. Enumerable.Range(0, EntitiesPerBatch).SelectMany(i => new[]
        {
            DataHubWire.Proposal(Model(batch, i), "mlModelProperties", new JsonObject { ["name"] = $"{_run} model {batch} {i}", ["description"] = $"batch {batch}" }),
            DataHubWire.Proposal(Model(batch, i), "globalTags", new JsonObject { ["tags"] = new JsonArray(new JsonObject { ["tag"] = $"urn:li:tag:batch{batch}" }) }),
        }),
    ];

    [Fact]
    public async Task a_service_killed_mid_ingest_keeps_acknowledged_batches_whole_and_its_index_converges()
    {
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<int>();
        var sent = 0;
        await using (var service = await ServiceProcess.StartAsync(_dataDirectory, StoreSettings))
        {
            var gms = new DataHubWire(service.Http);
            var writer = Task.Run(async () =>
            {
                for (var batch = 0; ; batch++)
                {
                    sent = batch + 1;
                    HttpResponseMessage response;
                    try
                    {
                        response = await gms.EmitBatchAsync(Batch(batch));
                    }
                    catch (HttpRequestException)
                    {
                        return; // the kill
                    }
                    response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
                    acknowledged.Add(batch);
                }
            });
            // Kill once the stream is going (a fresh Neo4j is slow to take the first batches), at a random moment.
            for (var waited = 0; acknowledged.Count < 3 && !writer.IsCompleted && waited < 60_000; waited += 20) await Task.Delay(20);
            await Task.Delay(Random.Shared.Next(500));
            await service.KillAsync();
            await writer;
        }
        acknowledged.Count.ShouldBeGreaterThan(2, "the kill should come in the middle of the stream");

        await using var restarted = await ServiceProcess.StartAsync(_dataDirectory, StoreSettings);
        var again = new DataHubWire(restarted.Http);
        var present = 0;
        for (var batch = 0; batch < sent; batch++)
        {
            var whole = 0;
            for (var i = 0; i < EntitiesPerBatch; i++)
            {
                var response = await again.Send(HttpMethod.Get, $"/entitiesV2/{DataHubWire.Quote(Model(batch, i))}");
                if (response.StatusCode == HttpStatusCode.NotFound) continue;
                var aspects = (await DataHubWire.ReadObjectAsync(response))["aspects"]!.AsObject();
                if (aspects.ContainsKey("mlModelProperties") && aspects.ContainsKey("globalTags")) whole++;
            }
            whole.ShouldBeOneOf([0, EntitiesPerBatch], $"batch {batch} is half there");
            if (acknowledged.Contains(batch)) whole.ShouldBe(EntitiesPerBatch, $"acknowledged batch {batch} is missing");
            present += whole;
        }

        // The index converges to the store: every entity there is found, and nothing else.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        int found;
        do
        {
            var results = await DataHubWire.ReadObjectAsync(await again.Send(HttpMethod.Get, $"/api/v1/search?q={_run}&count=0"));
            found = results["total"]!.GetValue<int>();
            if (found == present) break;
            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        found.ShouldBe(present);
        output.WriteLine($"killed after {acknowledged.Count} acknowledged batches of {sent} sent; {present / EntitiesPerBatch} whole after the restart (up again in {restarted.Startup.TotalSeconds:0.0} s), none half");
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return Task.CompletedTask;
    }
}

public sealed class sqlite_crash(Xunit.Abstractions.ITestOutputHelper output) : CrashTests(output)
{
    protected override string[] StoreSettings => ["--Lineage:Store=embedded"];
}

/// <summary>
/// On a Neo4j server of its own: a service that starts with an empty index replays the whole change feed, and on the
/// shared test server that feed is every other test's writes too, which would make the convergence deadline measure
/// how much the other tests wrote rather than the recovery this test is about.
/// </summary>
public sealed class neo4j_crash(Xunit.Abstractions.ITestOutputHelper output) : CrashTests(output)
{
    private Graph.Tests.Neo4j.Neo4jInstance? _neo4j;

    protected override string[] StoreSettings => ["--Lineage:Store=neo4j", $"--Lineage:Neo4j:Uri={_neo4j!.Uri}"];

    public override async Task InitializeAsync() => _neo4j = await Graph.Tests.Neo4j.Neo4jInstance.StartAsync("crash");

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_neo4j is not null) await _neo4j.DisposeAsync();
    }
}
