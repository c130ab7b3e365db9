using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Changes;

/// <summary>
/// Change events across a crash. The service, a real process, is killed (SIGKILL) and started again on its data:
/// <list type="bullet">
/// <item>a stream client that reconnects with the last id it got receives every change made since, and nothing twice;</item>
/// <item>a webhook whose receiver refused (500) the last two changes before the crash gets them after the restart, in
/// order, and none of the ones it had already taken.</item>
/// </list>
/// </summary>
public sealed class ChangeStreamRestartTests : IAsyncDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "lineage-stream-restart-" + Guid.NewGuid().ToString("N"));
    private const string Model = "urn:li:mlModel:(urn:li:dataPlatform:science,stream_restart,PROD)";
    private static readonly string[] Settings =
        ["--Lineage:Store=embedded", "--Lineage:Webhooks:RetryBase=00:00:00.100", "--Lineage:Webhooks:RetryMax=00:00:00.500"];

    [Fact]
    public async Task a_stream_client_and_a_webhook_get_every_change_made_around_a_crash_in_order_and_none_twice()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        long lastSeen;
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
            using var stream = await OpenAsync(first, null);
            foreach (var d in new[] { "one", "two", "three" }) await UpsertAsync(first, d);
            var events = await stream.ReadUntilAsync(e => Description(e) == "three");
            Descriptions(events).ShouldBe(["one", "two", "three"]);
            lastSeen = long.Parse(events[^1].Id!);
            await receiver.WaitForAsync(r => Taken(r).Count == 3);

            receiver.Answer = _ => 500;
            foreach (var d in new[] { "four", "five" }) await UpsertAsync(first, d);
            await receiver.WaitForAsync(r => r.Any(x => x.AnsweredWith == 500));
            await first.KillAsync();
        }

        receiver.Answer = _ => 200;
        await using var second = await ServiceProcess.StartAsync(_dataDirectory, Settings);
        foreach (var d in new[] { "six", "seven" }) await UpsertAsync(second, d);
        using var resumed = await OpenAsync(second, lastSeen);
        var after = await resumed.ReadUntilAsync(e => Description(e) == "seven");

        Descriptions(after).ShouldBe(["four", "five", "six", "seven"]);
        after.Select(e => long.Parse(e.Id!)).ShouldBe(Enumerable.Range(1, after.Count).Select(i => lastSeen + i));
        var received = await receiver.WaitForAsync(r => Taken(r).Count == 7);
        Taken(received).ShouldBe(["one", "two", "three", "four", "five", "six", "seven"]);
        var sequences = received.Where(r => r.AnsweredWith == 200).Select(r => r.Sequence).ToList();
        sequences.ShouldBe(sequences.Order().Distinct(), "in order, each taken once");
    }

    private static async Task<EventStreamReader> OpenAsync(ServiceProcess service, long? lastEventId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, lastEventId is null ? "/api/v1/changes/stream?after=0" : "/api/v1/changes/stream");
        if (lastEventId is { } id) request.Headers.Add("Last-Event-ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var response = await service.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new EventStreamReader(response);
    }

    private static async Task UpsertAsync(ServiceProcess service, string description) =>
        (await new DataHubWire(service.Http).EmitAsync(Model, "mlModelProperties", new JsonObject { ["description"] = description }))
            .EnsureSuccessStatusCode();

    private static string? Description(ServerSentEvent e) => Description(JsonNode.Parse(e.Data)!);

    private static string? Description(JsonNode change) =>
        change["aspectName"]!.GetValue<string>() == "mlModelProperties"
            ? JsonNode.Parse(change["aspect"]!["value"]!.GetValue<string>())!["description"]!.GetValue<string>()
            : null;

    private static List<string> Descriptions(IEnumerable<ServerSentEvent> events) => [.. events.Select(Description).OfType<string>()];

    /// <summary>The descriptions the receiver took (answered 200), in the order it took them.</summary>
    private static List<string> Taken(IEnumerable<WebhookReceiver.Received> requests) =>
        [.. requests.Where(r => r.AnsweredWith == 200).Select(r => Description(r.Event)).OfType<string>()];

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
