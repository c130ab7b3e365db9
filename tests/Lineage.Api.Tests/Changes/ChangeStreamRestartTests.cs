using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Changes;

/// <summary>
/// The change stream across a crash: a client of the service as a real process reads some changes, the process is
/// killed (SIGKILL) and started again on its data, and the client reconnects with the last id it got. It receives
/// every change made since, and nothing twice.
/// </summary>
public sealed class ChangeStreamRestartTests : IAsyncDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "lineage-stream-restart-" + Guid.NewGuid().ToString("N"));
    private const string Model = "urn:li:mlModel:(urn:li:dataPlatform:science,stream_restart,PROD)";

    [Fact]
    public async Task a_client_that_reconnects_after_the_service_crashed_gets_every_change_since_its_last_id()
    {
        long lastSeen;
        var first = await ServiceProcess.StartAsync(_dataDirectory, "--Lineage:Store=embedded");
        await using (first)
        {
            using var stream = await OpenAsync(first, null);
            foreach (var d in new[] { "one", "two", "three" }) await UpsertAsync(first, d);
            var events = await stream.ReadUntilAsync(e => Description(e) == "three");
            Descriptions(events).ShouldBe(["one", "two", "three"]);
            lastSeen = long.Parse(events[^1].Id!);
            await first.KillAsync();
        }

        await using var second = await ServiceProcess.StartAsync(_dataDirectory, "--Lineage:Store=embedded");
        foreach (var d in new[] { "four", "five" }) await UpsertAsync(second, d);
        using var resumed = await OpenAsync(second, lastSeen);
        var after = await resumed.ReadUntilAsync(e => Description(e) == "five");

        Descriptions(after).ShouldBe(["four", "five"]);
        after.Select(e => long.Parse(e.Id!)).ShouldBe(Enumerable.Range(1, after.Count).Select(i => lastSeen + i));
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
        await new DataHubWire(service.Http).UpsertAsync(Model, "mlModelProperties", new JsonObject { ["description"] = description });

    private static string? Description(ServerSentEvent e)
    {
        var change = JsonNode.Parse(e.Data)!;
        return change["aspectName"]!.GetValue<string>() == "mlModelProperties"
            ? JsonNode.Parse(change["aspect"]!["value"]!.GetValue<string>())!["description"]!.GetValue<string>()
            : null;
    }

    private static List<string> Descriptions(IEnumerable<ServerSentEvent> events) => [.. events.Select(Description).OfType<string>()];

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
