using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;
using Microsoft.Playwright;

namespace Lineage.Api.Tests.Explorer;

/// <summary>
/// The service as a real process with the tutorial's estate, one wide hub and a little column lineage loaded, and
/// Debian's Chromium driven by Playwright, for the explorer's browser tests. Subclasses pick the store.
/// </summary>
public abstract partial class ExplorerHost : IAsyncLifetime
{
    /// <summary>A dataset with <see cref="WideFanOut"/> downstream datasets: wider than the view shows at once.</summary>
    public const string WideHub = "urn:li:dataset:(urn:li:dataPlatform:kafka,clickstream,PROD)";

    public const int WideFanOut = 200;

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "lineage-explorer-tests-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public ServiceProcess Service { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The admin token the service wrote on its first start.</summary>
    public string Token => File.ReadAllText(Path.Combine(_dataDirectory, "admin.token")).Trim();

    /// <summary>Where the tests save their screenshots: the test output, kept by CI.</summary>
    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    /// <summary>The store's name, which prefixes the screenshots.</summary>
    public abstract string Store { get; }

    protected abstract string[] StoreSettings { get; }

    /// <summary>False for the host that shows what a new user sees first: an empty store.</summary>
    protected virtual bool LoadsEstate => true;

    /// <summary>What the store needs before the service starts on it.</summary>
    protected virtual Task PrepareAsync(string dataDirectory) => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        await PrepareAsync(_dataDirectory);
        Service = await ServiceProcess.StartAsync(_dataDirectory, StoreSettings);
        if (LoadsEstate)
        {
            await IngestAsync(TutorialProposals());
            await IngestAsync(WideHubProposals());
            await IngestAsync(TrainingRunProposals());
            await IngestAsync(ColumnLineageProposals());
            await WaitForIndexAsync();
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            // The machines' network is closed: without these Chromium keeps trying to reach Google's services.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser session (its own sessionStorage, so its own token prompt) on a page of the explorer.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Service.Http.BaseAddress!.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            AcceptDownloads = true,
            // The time control shows and reads local times: one zone, whatever the machine's.
            TimezoneId = "UTC",
        });
        return await context.NewPageAsync();
    }

    /// <summary>Debian's Chromium, which scripts/chromium.sh installs; a missing browser fails the tests, never skips them.</summary>
    internal static string ChromiumPath()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(path))
            throw new InvalidOperationException($"no Chromium at {path}: run scripts/chromium.sh (scripts/test.sh does) or set CHROMIUM_PATH");
        return path;
    }

    private static IEnumerable<JsonObject> TutorialProposals() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ml-tutorial.json")))!.AsArray()
            .Select(e => DataHubWire.Proposal(e!["urn"]!.GetValue<string>(), e["aspect"]!.GetValue<string>(), e["value"]!.DeepClone()));

    private static IEnumerable<JsonObject> WideHubProposals() =>
        new[] { DataHubWire.Proposal(WideHub, "datasetProperties", new JsonObject { ["name"] = "clickstream", ["description"] = "Every click" }) }
            .Concat(Enumerable.Range(0, WideFanOut).Select(i => DataHubWire.Proposal(
                $"urn:li:dataset:(urn:li:dataPlatform:hive,clicks_{i:000},PROD)", "upstreamLineage",
                new JsonObject { ["upstreams"] = new JsonArray(new JsonObject { ["dataset"] = WideHub, ["type"] = "TRANSFORMED" }) })));

    /// <summary>A training run as MLflow's connector writes one: in an experiment, with metrics, parameters and its events.</summary>
    public const string TrainingRun = "urn:li:dataProcessInstance:churn-training-run-1";

    public const string Experiment = "urn:li:container:mlflow-experiment-churn";

    private static IEnumerable<JsonObject> TrainingRunProposals()
    {
        const long started = 1_764_000_000_000;
        JsonObject Value(string json) => JsonNode.Parse(json)!.AsObject();
        return
        [
            DataHubWire.Proposal(TrainingRun, "dataProcessInstanceProperties",
                Value($$$"""{"name": "churn-training-run-1", "type": "BATCH_AD_HOC", "created": {"time": {{{started}}}, "actor": "urn:li:corpuser:jdoe"}}""")),
            DataHubWire.Proposal(TrainingRun, "mlTrainingRunProperties", Value("""
                {"id": "8f2c", "hyperParams": [{"name": "learning_rate", "value": "0.05"}, {"name": "max_depth", "value": "6"}],
                 "trainingMetrics": [{"name": "auc", "value": "0.91"}, {"name": "log_loss", "value": "0.28"}]}
                """)),
            DataHubWire.Proposal(TrainingRun, "container", Value($$"""{"container": "{{Experiment}}"}""")),
            DataHubWire.Proposal(TrainingRun, "dataProcessInstanceInput",
                Value("""{"inputs": ["urn:li:dataset:(urn:li:dataPlatform:hive,users,PROD)"]}""")),
            // outputEdges, not outputs: DataHub counts only the edges as lineage (DataProcessInstanceProduces).
            DataHubWire.Proposal(TrainingRun, "dataProcessInstanceOutput", Value("""
                {"outputs": [], "outputEdges": [{"destinationUrn": "urn:li:mlModel:(urn:li:dataPlatform:science,my-model,PROD)"}]}
                """)),
            DataHubWire.Proposal(TrainingRun, "dataProcessInstanceRunEvent",
                Value($$"""{"timestampMillis": {{started}}, "status": "STARTED", "attempt": 1}""")),
            DataHubWire.Proposal(TrainingRun, "dataProcessInstanceRunEvent", Value($$$"""
                {"timestampMillis": {{{started + 42_000}}}, "status": "COMPLETE", "attempt": 1, "durationMillis": 42000,
                 "result": {"type": "SUCCESS", "nativeResultType": "mlflow"}}
                """)),
        ];
    }

    private async Task IngestAsync(IEnumerable<JsonObject> proposals)
    {
        var gms = new DataHubWire(Service.Http);
        foreach (var batch in proposals.Chunk(100))
            (await gms.EmitBatchAsync(batch)).EnsureSuccessStatusCode();
    }

    private static readonly TimeSpan IndexPatience = TimeSpan.FromSeconds(120);

    private async Task WaitForIndexAsync()
    {
        // A fresh service on the shared Neo4j test server replays that server's whole change feed, every earlier test's
        // writes, before it reaches the estate: give it time to, as this is the host's set-up, not a measure.
        for (var clock = System.Diagnostics.Stopwatch.StartNew(); clock.Elapsed < IndexPatience; await Task.Delay(100))
        {
            var page = await Service.Http.GetFromJsonAsync<JsonObject>("/api/v1/search?q=clicks_199&count=0");
            if (page!["total"]!.GetValue<int>() > 0) return;
        }
        throw new TimeoutException($"the search index did not catch up with the explorer's estate within {IndexPatience.TotalSeconds:0} s");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Service.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The explorer on the embedded store.</summary>
public sealed class SqliteExplorerHost : ExplorerHost
{
    public override string Store => "sqlite";

    protected override string[] StoreSettings => ["--Lineage:Store=embedded"];
}

/// <summary>The explorer on the Neo4j test server.</summary>
public sealed class Neo4jExplorerHost : ExplorerHost
{
    public override string Store => "neo4j";

    /// <summary>On the shared server, whose admin token an earlier instance made, the service writes none.</summary>
    protected override Task PrepareAsync(string dataDirectory) => AuthorizedClients.WriteSharedNeo4jAdminTokenAsync(dataDirectory);

    protected override string[] StoreSettings
    {
        get
        {
            var options = Lineage.Graph.Tests.Neo4j.Neo4jServer.Options();
            return ["--Lineage:Store=neo4j", $"--Lineage:Neo4j:Uri={options.Uri}", $"--Lineage:Neo4j:User={options.User}", $"--Lineage:Neo4j:Password={options.Password}"];
        }
    }
}

/// <summary>The explorer on an empty embedded store, as a new user first opens it.</summary>
public sealed class EmptyExplorerHost : ExplorerHost
{
    public override string Store => "empty";

    protected override string[] StoreSettings => ["--Lineage:Store=embedded"];

    protected override bool LoadsEstate => false;
}
