using System.Net;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;
using Lineage.Graph.Tests.Neo4j;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Lineage.Api.Tests.Errors;

/// <summary>Neo4j vanishing while the service runs: 503s meanwhile, nothing half-written, and service again when it is back.</summary>
[Collection(Neo4jApiCollection.Name)]
public sealed class Neo4jGoesAwayTests : IAsyncLifetime
{
    private readonly CuttableProxy _proxy = new(new Uri(Neo4jServer.Options().Uri));
    private WebApplicationFactory<Program> _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Lineage:Store", "neo4j")
            .UseSetting("Lineage:Neo4j:Uri", _proxy.Uri)
            .UseSetting("Lineage:Neo4j:RetryBudget", "00:00:00.500")
            .UseSetting("Lineage:Neo4j:QueueTimeout", "00:00:01")
            .UseSetting("Lineage:DataDirectory", Path.Combine(Path.GetTempPath(), "lineage-away-" + Guid.NewGuid().ToString("N"))));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task requests_answer_503_while_neo4j_is_gone_and_a_batch_cut_mid_way_leaves_nothing()
    {
        var gms = new DataHubWire(_factory.CreateAuthorizedClient());
        var id = Guid.NewGuid().ToString("N")[..8];
        var group = $"urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,away-{id},PROD)";
        var model = $"urn:li:mlModel:(urn:li:dataPlatform:mlflow,away-{id},PROD)";
        await gms.UpsertAsync(group, "mlModelGroupProperties", new JsonObject { ["name"] = "before" });

        _proxy.DropCommits = true;
        var cut = await gms.EmitBatchAsync(
            DataHubWire.Proposal(group, "mlModelGroupProperties", new JsonObject { ["name"] = "during" }),
            DataHubWire.Proposal(model, "mlModelProperties", new JsonObject { ["groups"] = new JsonArray(group) }));
        cut.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        _proxy.DropCommits = false;

        _proxy.Down = true;
        var read = await gms.Send(HttpMethod.Get, $"/entities/{DataHubWire.Quote(group)}");
        read.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        read.Headers.RetryAfter.ShouldNotBeNull();
        (await gms.Send(HttpMethod.Get, "/health")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        _proxy.Down = false;

        var properties = await gms.GetAspectAsync(group, "mlModelGroupProperties", "com.linkedin.ml.metadata.MLModelGroupProperties");
        properties!["name"]!.GetValue<string>().ShouldBe("before");
        (await gms.Send(HttpMethod.Get, $"/entities/{DataHubWire.Quote(model)}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await gms.UpsertAsync(model, "mlModelProperties", new JsonObject { ["groups"] = new JsonArray(group) });
    }

    [Fact]
    public async Task writers_queued_during_an_outage_answer_503_within_the_queue_time_out_not_one_budget_each()
    {
        var gms = new DataHubWire(_factory.CreateAuthorizedClient());
        var id = Guid.NewGuid().ToString("N")[..8];
        await gms.UpsertAsync($"urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,queue-{id},PROD)", "mlModelGroupProperties", new JsonObject { ["name"] = "up" });

        _proxy.Down = true;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Twelve writers at once: in turn, each would spend the 0.5 s retry budget, the last 6 s after the first.
        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => gms.EmitAsync(
            $"urn:li:mlModel:(urn:li:dataPlatform:mlflow,queue-{id}-{i},PROD)", "mlModelProperties", new JsonObject { ["description"] = "during" })));
        var elapsed = clock.Elapsed;
        _proxy.Down = false;

        foreach (var answer in answers)
        {
            var error = await DataHubWire.ErrorAsync(answer, HttpStatusCode.ServiceUnavailable);
            answer.Headers.RetryAfter.ShouldNotBeNull();
            error["message"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        }
        // Queue time-out (1 s) plus one retry budget (0.5 s), with room for a slow machine; not twelve budgets.
        elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(4));
        (await gms.EmitAsync($"urn:li:mlModel:(urn:li:dataPlatform:mlflow,queue-{id}-after,PROD)", "mlModelProperties",
            new JsonObject { ["description"] = "after" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _proxy.DisposeAsync();
    }
}
