using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Changes;

/// <summary>
/// Webhook delivery on both stores, to a real HTTP receiver inside the test (<see cref="WebhookReceiver"/>): changes
/// arrive in order and signed; a 500 or a receiver that is down is retried until the change is taken; too many
/// failures in a row disable the webhook until it is enabled again; a change to a watched entity brings an impact
/// alert naming the models downstream of it and their owners. Each test watches entities of its own
/// (<c>downstreamOf</c>), as the hosts of a collection share their store.
/// </summary>
public abstract class WebhookTests(LineageApiFactory factory) : IAsyncLifetime
{
    private const string Secret = "a-secret-only-these-tests-know";
    private readonly HttpClient _http = factory.CreateClient();
    private readonly string _run = Guid.NewGuid().ToString("N")[..10];
    private readonly List<string> _registered = [];
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var id in _registered) await _http.DeleteAsync($"/api/v1/admin/webhooks/{id}");
        await _receiver.DisposeAsync();
    }

    private string Dataset(string name) => $"urn:li:dataset:(urn:li:dataPlatform:hive,{_run}.{name},PROD)";

    private string Model(string name) => $"urn:li:mlModel:(urn:li:dataPlatform:mlflow,{_run}.{name},PROD)";

    [Fact]
    public async Task changes_arrive_in_order_each_signed_with_the_webhook_secret()
    {
        var (raw, features) = (Dataset("raw"), Dataset("features"));
        var webhook = await RegisterAsync(raw);

        await DescribeAsync(raw, "one");
        await UpsertAsync(features, "upstreamLineage", Upstreams(raw));
        await DescribeAsync(features, "two");
        await DescribeAsync(Dataset("unrelated"), "not watched");
        await DescribeAsync(raw, "three");

        var received = await _receiver.WaitForAsync(r => r.Count >= 4);
        received.Select(r => (Short(r.Event["entityUrn"]!.GetValue<string>()), r.Event["aspectName"]!.GetValue<string>()))
            .ShouldBe([("raw", "datasetProperties"), ("features", "upstreamLineage"), ("features", "datasetProperties"), ("raw", "datasetProperties")]);
        received.Select(r => r.Sequence).ShouldBe(received.Select(r => r.Sequence).Order(), "in the order the changes were made");
        received.Select(r => r.Event["sequence"]!.GetValue<long>()).ShouldBe(received.Select(r => r.Sequence));
        received.ShouldAllBe(r => r.SignedWith(Secret) && !r.SignedWith("another secret") && r.Headers["X-Lineage-Webhook"] == webhook);
        received[0].Event["changeType"]!.GetValue<string>().ShouldBe("UPSERT");
        JsonNode.Parse(received[0].Event["aspect"]!["value"]!.GetValue<string>())!["description"]!.GetValue<string>().ShouldBe("one");
        JsonNode.Parse(received[3].Event["previousAspectValue"]!["value"]!.GetValue<string>())!["description"]!.GetValue<string>().ShouldBe("one");
    }

    [Fact]
    public async Task a_receiver_answering_500_gets_the_change_again_until_it_takes_it()
    {
        var raw = Dataset("raw");
        _receiver.Answer = n => n < 2 ? 500 : 200;
        var webhook = await RegisterAsync(raw);

        await DescribeAsync(raw, "one");
        await DescribeAsync(raw, "two");

        var received = await _receiver.WaitForAsync(r => r.Count(x => x.AnsweredWith == 200) >= 2);
        var (first, second) = (received[0].Sequence, received[^1].Sequence);
        received.Select(r => (r.Sequence, r.Headers["X-Lineage-Attempt"], r.AnsweredWith))
            .ShouldBe([(first, "1", 500), (first, "2", 500), (first, "3", 200), (second, "1", 200)]);
        // The attempt is logged once the receiver has answered.
        await Eventually(async () => (await DeliveriesAsync(webhook)).Count == 4);
        var log = await DeliveriesAsync(webhook);
        log.Select(d => (d!["sequence"]!.GetValue<long>(), d["attempt"]!.GetValue<int>(), d["status"]!.GetValue<int>(), d["delivered"]!.GetValue<bool>()))
            .ShouldBe([(second, 1, 200, true), (first, 3, 200, true), (first, 2, 500, false), (first, 1, 500, false)]);
        log[^1]!["error"]!.GetValue<string>().ShouldContain("500");
    }

    [Fact]
    public async Task a_receiver_that_was_down_gets_every_change_in_order_once_it_is_back()
    {
        var raw = Dataset("raw");
        var webhook = await RegisterAsync(raw);
        await _receiver.StopAsync();

        foreach (var description in new[] { "one", "two", "three" }) await DescribeAsync(raw, description);
        // The first delivery finds no one listening, and is logged so.
        await Eventually(async () => (await DeliveriesAsync(webhook)).Any(d => d!["status"] is null && d["error"] is not null));
        await _receiver.StartAgainAsync();

        var received = await _receiver.WaitForAsync(r => r.Count >= 3);
        received.Select(r => JsonNode.Parse(r.Event["aspect"]!["value"]!.GetValue<string>())!["description"]!.GetValue<string>())
            .ShouldBe(["one", "two", "three"]);
    }

    [Fact]
    public async Task too_many_failures_in_a_row_disable_the_webhook_until_it_is_enabled_again()
    {
        var raw = Dataset("raw");
        _receiver.Answer = _ => 500;
        var webhook = await RegisterAsync(raw);

        await DescribeAsync(raw, "one");

        // Lineage:Webhooks:MaxConsecutiveFailures is 4 in the test hosts.
        await Eventually(async () => (await GetAsync(webhook))["enabled"]!.GetValue<bool>() == false);
        var disabled = await GetAsync(webhook);
        disabled["consecutiveFailures"]!.GetValue<int>().ShouldBe(4);
        var sequence = _receiver.Requests[0].Sequence;
        disabled["disabledReason"]!.GetValue<string>().ShouldBe($"change {sequence} failed 4 times in a row");
        disabled.ContainsKey("secret").ShouldBeFalse();
        _receiver.Requests.Select(r => r.Sequence).ShouldBe([sequence, sequence, sequence, sequence]);

        _receiver.Answer = _ => 200;
        var enabled = await _http.PostAsync($"/api/v1/admin/webhooks/{webhook}/enable", null);
        enabled.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await enabled.Content.ReadFromJsonAsync<JsonObject>())!["consecutiveFailures"]!.GetValue<int>().ShouldBe(0);
        var received = await _receiver.WaitForAsync(r => r.Any(x => x.AnsweredWith == 200));
        received[^1].Sequence.ShouldBe(sequence);
    }

    [Fact]
    public async Task a_change_to_a_watched_dataset_brings_an_impact_alert_naming_the_models_downstream_and_their_owners()
    {
        var (raw, features, churn, fraud) = (Dataset("raw"), Dataset("features"), Model("churn"), Model("fraud"));
        await UpsertAsync(features, "upstreamLineage", Upstreams(raw));
        await UpsertAsync(churn, "mlModelTrainingData", TrainedOn(features));
        await UpsertAsync(churn, "ownership", Owners("urn:li:corpuser:alice"));
        await UpsertAsync(fraud, "mlModelTrainingData", TrainedOn(raw));
        await UpsertAsync(fraud, "ownership", Owners("urn:li:corpuser:bob", "urn:li:corpuser:alice"));
        await RegisterAsync(raw);

        await DescribeAsync(raw, "the id column is now a string");

        var alert = (await _receiver.WaitForAsync(r => r.Count >= 1))[0].Event;
        alert["entityUrn"]!.GetValue<string>().ShouldBe(raw);
        var impact = alert["impact"]!;
        impact["root"]!.GetValue<string>().ShouldBe(raw);
        impact["models"]!.AsArray().Select(m => (Short(m!["urn"]!.GetValue<string>()), m["degree"]!.GetValue<int>()))
            .ShouldBe([("fraud", 1), ("churn", 2)]);
        impact["models"]![1]!["path"]!.AsArray().Select(u => Short(u!.GetValue<string>())).ShouldBe(["raw", "features", "churn"]);
        impact["owners"]!.AsArray().Select(o => $"{o!["owner"]}: {string.Join(", ", o["models"]!.AsArray().Select(m => Short(m!.GetValue<string>())))}")
            .ShouldBe(["urn:li:corpuser:alice: churn, fraud", "urn:li:corpuser:bob: fraud"]);
    }

    [Fact]
    public async Task replaying_datahubs_mlflow_connector_output_alerts_on_the_training_run_naming_the_model_it_trained()
    {
        // DataHub's recorded MLflow output (Connectors/Fixtures/SOURCES.md), with the run and the models renamed for this
        // test: the hosts of a collection share their store, and a file replayed again writes nothing to be delivered.
        const string RunId = "2666299269d6ebea994d5ec0c29e3aca";
        var golden = DataHubFile.Load("Connectors", "Fixtures", "mlflow", "mlflow_mcps_golden.json");
        var renamed = JsonNode.Parse(new JsonArray([.. golden.Entries.Select(e => (JsonNode)e.DeepClone())]).ToJsonString()
            .Replace(RunId, $"{RunId}-{_run}").Replace("test-model", $"test-model-{_run}"))!.AsArray();
        var (run, model) = ($"urn:li:dataProcessInstance:{RunId}-{_run}", $"urn:li:mlModel:(urn:li:dataPlatform:mlflow,test-model-{_run}_1,PROD)");
        await RegisterAsync(run, onlyTheTestsAspects: false);

        var refusals = await Connectors.ConnectorReplay.SendAsync(new DataHubWire(_http),
            Connectors.ConnectorReplay.Batched(new DataHubFile(golden.Name, renamed)));

        refusals.ShouldBeEmpty();
        var received = await _receiver.WaitForAsync(r => r.Any(x => x.Event["entityUrn"]!.GetValue<string>() == model));
        received.Select(r => r.Sequence).ShouldBe(received.Select(r => r.Sequence).Order());
        received.ShouldAllBe(r => r.SignedWith(Secret));
        var alerts = received.Where(r => r.Event["entityUrn"]!.GetValue<string>() == run).Select(r => r.Event["impact"]!).ToList();
        alerts.ShouldNotBeEmpty();
        alerts.ShouldAllBe(a => a["models"]!.AsArray().Select(m => m!["urn"]!.GetValue<string>()).Contains(model));
        received.Where(r => r.Event["entityUrn"]!.GetValue<string>() != run).ShouldAllBe(r => r.Event["impact"] == null);
    }

    [Theory]
    [InlineData("""{"url": "ftp://example.com/hook", "secret": "long enough secret"}""", "url")]
    [InlineData("""{"url": "https://example.com/hook", "secret": "short"}""", "secret")]
    [InlineData("""{"url": "https://example.com/hook", "secret": "long enough secret", "filters": {"entityTypes": ["dataset", "nope"]}}""", "filters.entityTypes[1]")]
    [InlineData("""{"url": "https://example.com/hook", "secret": "long enough secret", "filters": {"aspects": ["nope"]}}""", "filters.aspects[0]")]
    [InlineData("""{"url": "https://example.com/hook", "secret": "long enough secret", "filters": {"downstreamOf": "not a urn"}}""", "filters.downstreamOf")]
    [InlineData("""{"url": "https://example.com/hook", "secret": "long enough secret", "after": -1}""", "after")]
    public async Task a_bad_registration_is_a_400_naming_the_field_and_registers_nothing(string body, string path)
    {
        var before = (await _http.GetFromJsonAsync<JsonObject>("/api/v1/admin/webhooks"))!["webhooks"]!.AsArray().Count;

        var response = await _http.PostAsync("/api/v1/admin/webhooks", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["path"]!.GetValue<string>().ShouldBe(path);
        (await _http.GetFromJsonAsync<JsonObject>("/api/v1/admin/webhooks"))!["webhooks"]!.AsArray().Count.ShouldBe(before);
    }

    [Fact]
    public async Task an_unknown_webhook_is_a_404()
    {
        (await _http.GetAsync("/api/v1/admin/webhooks/wh_nope")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _http.DeleteAsync("/api/v1/admin/webhooks/wh_nope")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _http.PostAsync("/api/v1/admin/webhooks/wh_nope/enable", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>
    /// Registers a webhook to the receiver for changes to <paramref name="root"/> and downstream of it (of the aspects
    /// the tests write, unless told otherwise); its id.
    /// </summary>
    private async Task<string> RegisterAsync(string root, bool onlyTheTestsAspects = true)
    {
        var filters = new JsonObject { ["downstreamOf"] = root };
        // The write path's derived dataPlatformInstance changes are left out.
        if (onlyTheTestsAspects) filters["aspects"] = new JsonArray("datasetProperties", "upstreamLineage");
        var response = await _http.PostAsJsonAsync("/api/v1/admin/webhooks", new JsonObject
        {
            ["url"] = _receiver.Url.ToString(),
            ["secret"] = Secret,
            ["description"] = "tests",
            ["filters"] = filters,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var webhook = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        webhook.ContainsKey("secret").ShouldBeFalse();
        webhook["enabled"]!.GetValue<bool>().ShouldBeTrue();
        var id = webhook["id"]!.GetValue<string>();
        _registered.Add(id);
        return id;
    }

    private async Task<JsonObject> GetAsync(string webhook) => (await _http.GetFromJsonAsync<JsonObject>($"/api/v1/admin/webhooks/{webhook}"))!;

    private async Task<JsonArray> DeliveriesAsync(string webhook) =>
        (await _http.GetFromJsonAsync<JsonObject>($"/api/v1/admin/webhooks/{webhook}/deliveries"))!["deliveries"]!.AsArray();

    private Task DescribeAsync(string urn, string description) =>
        UpsertAsync(urn, "datasetProperties", new JsonObject { ["description"] = description });

    private async Task UpsertAsync(string urn, string aspect, JsonObject value) =>
        (await new DataHubWire(_http).EmitAsync(urn, aspect, value)).EnsureSuccessStatusCode();

    private static JsonObject Upstreams(string upstream) => new()
    {
        ["upstreams"] = new JsonArray(new JsonObject
        {
            ["dataset"] = upstream, ["type"] = "TRANSFORMED",
            ["auditStamp"] = new JsonObject { ["time"] = 0, ["actor"] = "urn:li:corpuser:alice" },
        }),
    };

    private static JsonObject TrainedOn(string dataset) => new() { ["trainingData"] = new JsonArray(new JsonObject { ["dataset"] = dataset }) };

    private static JsonObject Owners(params string[] owners) => new()
    {
        ["owners"] = new JsonArray([.. owners.Select(o => (JsonNode)new JsonObject { ["owner"] = o, ["type"] = "DATAOWNER" })]),
    };

    private string Short(string urn) => urn.Split(',').Select(p => p.Replace($"{_run}.", "")).ElementAtOrDefault(1) ?? urn;

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the condition did not come true within 30 s");
            await Task.Delay(100);
        }
    }
}

[Collection(SqliteApiCollection.Name)]
public sealed class sqlite_webhooks(SqliteApiFactory factory) : WebhookTests(factory);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_webhooks(Neo4jApiFactory factory) : WebhookTests(factory);
