using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Changes;

/// <summary>
/// Two instances on the same Neo4j share their webhooks, and the lease in the store has one of them deliver each
/// webhook: a change written on either reaches the receiver once, in order. Instance A is the collection's host, B a
/// host of this class's own.
/// </summary>
[Collection(Neo4jApiCollection.Name)]
public sealed class WebhookInstancesTests(Neo4jApiFactory a) : IDisposable
{
    // B's own search index starts from nothing: its writes are acknowledged without waiting for it to catch up.
    private readonly Neo4jApiFactory _b = new() { Settings = { ["Lineage:Consistency:ReadYourWrites"] = "false" } };

    [Fact]
    public async Task two_instances_deliver_each_change_of_a_shared_webhook_once_and_in_order()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var model = $"urn:li:mlModel:(urn:li:dataPlatform:science,instances_{Guid.NewGuid():N},PROD)";
        var (onA, onB) = (a.CreateClient(), _b.CreateClient());
        var register = await onA.PostAsJsonAsync("/api/v1/admin/webhooks", new JsonObject
        {
            ["url"] = receiver.Url.ToString(),
            ["secret"] = "a-secret-only-this-test-knows",
            ["filters"] = new JsonObject { ["downstreamOf"] = model, ["aspects"] = new JsonArray("mlModelProperties") },
        });
        register.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await register.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        try
        {
            (await onB.GetAsync($"/api/v1/admin/webhooks/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
            for (var i = 0; i < 6; i++)
            {
                var writer = new DataHubWire(i % 2 == 0 ? onA : onB);
                (await writer.EmitAsync(model, "mlModelProperties", new JsonObject { ["description"] = $"{i}" })).EnsureSuccessStatusCode();
            }

            await receiver.WaitForAsync(r => r.Count >= 6);
            // Time for the other instance to deliver anything twice (it looks every second), were the lease not holding it back.
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            receiver.Requests.Select(r => JsonNode.Parse(r.Event["aspect"]!["value"]!.GetValue<string>())!["description"]!.GetValue<string>())
                .ShouldBe(["0", "1", "2", "3", "4", "5"]);
        }
        finally
        {
            await onA.DeleteAsync($"/api/v1/admin/webhooks/{id}");
        }
    }

    public void Dispose() => _b.Dispose();
}
