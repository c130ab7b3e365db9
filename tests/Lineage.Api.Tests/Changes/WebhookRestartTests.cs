using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Changes;

/// <summary>
/// Webhook delivery across a crash: the service, a real process, delivers some changes to a receiver; two more are
/// refused by it (500) when the process is killed (SIGKILL). Started again on its data, the service delivers those two,
/// in order, and none of the ones the receiver had already taken.
/// </summary>
public sealed class WebhookRestartTests : IAsyncDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "lineage-webhook-restart-" + Guid.NewGuid().ToString("N"));
    private const string Model = "urn:li:mlModel:(urn:li:dataPlatform:science,webhook_restart,PROD)";
    private static readonly string[] Settings =
        ["--Lineage:Store=embedded", "--Lineage:Webhooks:RetryBase=00:00:00.100", "--Lineage:Webhooks:RetryMax=00:00:00.500"];

    [Fact]
    public async Task changes_not_yet_taken_when_the_service_crashed_are_delivered_after_it_restarts_and_none_twice()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var first = await ServiceProcess.StartAsync(_dataDirectory, Settings);
        await using (first)
        {
            var register = await first.Http.PostAsJsonAsync("/api/v1/admin/webhooks", new JsonObject
            {
                ["url"] = receiver.Url.ToString(),
                ["secret"] = "a-secret-only-this-test-knows",
                ["filters"] = new JsonObject { ["aspects"] = new JsonArray("mlModelProperties") },
            });
            register.StatusCode.ShouldBe(HttpStatusCode.Created);
            foreach (var d in new[] { "one", "two", "three" }) await UpsertAsync(first, d);
            await receiver.WaitForAsync(r => Taken(r).Count == 3);

            receiver.Answer = _ => 500;
            foreach (var d in new[] { "four", "five" }) await UpsertAsync(first, d);
            await receiver.WaitForAsync(r => r.Any(x => x.AnsweredWith == 500));
            await first.KillAsync();
        }

        receiver.Answer = _ => 200;
        await using var second = await ServiceProcess.StartAsync(_dataDirectory, Settings);
        var received = await receiver.WaitForAsync(r => Taken(r).Count == 5);

        Taken(received).ShouldBe(["one", "two", "three", "four", "five"]);
        var sequences = received.Where(r => r.AnsweredWith == 200).Select(r => r.Sequence).ToList();
        sequences.ShouldBe(sequences.Order().Distinct(), "in order, each taken once");
    }

    /// <summary>The descriptions the receiver took (answered 200), in the order it took them.</summary>
    private static List<string> Taken(IEnumerable<WebhookReceiver.Received> requests) =>
        [.. requests.Where(r => r.AnsweredWith == 200)
            .Select(r => JsonNode.Parse(r.Event["aspect"]!["value"]!.GetValue<string>())!["description"]!.GetValue<string>())];

    private static async Task UpsertAsync(ServiceProcess service, string description) =>
        (await new DataHubWire(service.Http).EmitAsync(Model, "mlModelProperties", new JsonObject { ["description"] = description }))
            .EnsureSuccessStatusCode();

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
