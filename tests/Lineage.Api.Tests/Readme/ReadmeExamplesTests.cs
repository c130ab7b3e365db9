using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;
using Lineage.Graph.Storage;
using Lineage.Graph.Storage.Neo4j;
using Lineage.Graph.Storage.Sqlite;
using Lineage.Graph.Tests.Neo4j;
using Xunit.Abstractions;

namespace Lineage.Api.Tests.Readme;

/// <summary>
/// The README's examples, run as they stand (<see cref="ExampleShell"/>) against the service as a real process on an
/// empty store: the walk-through first, since it writes the tutorial's entities the others read, then every other
/// example in the order the README shows them, as a reader goes down the page. Each must exit 0 with nothing on
/// stderr and print the answer the README shows after it (<see cref="ShownAnswer"/>); the blocks not run are in
/// <see cref="ReadmeExamples.Excluded"/>, each with its reason.
/// </summary>
public abstract class ReadmeExamplesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Group = "urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,recommendation-models,PROD)";
    private const string Ranking = "urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,ranking-models,PROD)";
    private const string Model = "urn:li:mlModel:(urn:li:dataPlatform:mlflow,recommender-v1,PROD)";
    private const string Table = "urn:li:mlFeatureTable:(urn:li:dataPlatform:feast,users_feature_table)";
    private static string Feature(string name) => $"urn:li:mlFeature:(users_feature_table,{name})";

    /// <summary>Stands for the checkout the reader pastes the examples in; the service's data is in its src/Lineage.Api/data.</summary>
    private readonly string _checkout = Path.Combine(Path.GetTempPath(), "lineage-readme-" + Guid.NewGuid().ToString("N"));

    /// <summary>Makes an empty store ready and returns the settings that put the service on it.</summary>
    protected abstract Task<string[]> StartStoreAsync();

    /// <summary>The store the service writes, opened by the test to see how far its change feed has gone.</summary>
    protected abstract IGraphStore OpenStore(string dataDirectory);

    protected virtual Task StopStoreAsync() => Task.CompletedTask;

    [Fact]
    public async Task every_example_runs_as_written_and_prints_the_answer_the_readme_shows()
    {
        var readme = ReadmeExamples.Load();
        readme.Problems.ShouldBeEmpty();
        var dataDirectory = ExampleShell.DataDirectory(_checkout);
        await using var service = await ServiceProcess.StartAsync(dataDirectory, await StartStoreAsync());
        var token = (await File.ReadAllTextAsync(Path.Combine(dataDirectory, "admin.token"))).Trim();
        var shell = new ExampleShell(_checkout, service.Address, token);
        await using var store = OpenStore(dataDirectory);

        var failures = new List<string>();
        foreach (var example in readme.InRunOrder)
        {
            // Search answers within a second of a write; a reader is slower than that, the test is not.
            await WaitForSearchToCatchUpAsync(service, store);
            var (exitCode, stdout, stderr) = await shell.RunAsync(example.Command.Text);
            output.WriteLine($"== {example}\n{stdout}{stderr}");
            if (exitCode != 0 || stderr.Length > 0)
                failures.Add($"{example}\nexited with {exitCode}, saying:\n{stderr}");
            else if (example.Answer is { } answer && ShownAnswer.Difference(answer.Text, stdout) is { } difference)
                failures.Add($"{example}\n{difference}\nThe whole of what it printed:\n{stdout}");
            if (example == readme.WalkThrough)
            {
                failures.ShouldBeEmpty("the walk-through writes what the other examples read");
                await TheWalkThroughLeavesTheTutorialsEstateAsync(stdout, service);
            }
        }
        failures.ShouldBeEmpty();
    }

    /// <summary>What the walk-through prints, and what it leaves, read back the way DataHub's client reads it.</summary>
    private static async Task TheWalkThroughLeavesTheTutorialsEstateAsync(string stdout, ServiceProcess service)
    {
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Eighteen writes acknowledged with the urn written, then the three reads, then the guarded writes.
        lines.Take(18).ShouldAllBe(l => l.StartsWith("{\"value\":\"urn:li:", StringComparison.Ordinal));
        lines[18].ShouldBe("""{"com.linkedin.domain.Domains":{"domains":["urn:li:domain:growth"]}}""");
        var snapshotAspects = JsonNode.Parse(lines[19])!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        snapshotAspects[0].ShouldBe("com.linkedin.metadata.key.MLModelGroupKey");
        string[] tutorials = [
            "com.linkedin.common.Ownership", "com.linkedin.common.GlobalTags", "com.linkedin.common.GlossaryTerms",
            "com.linkedin.domain.Domains", "com.linkedin.common.InstitutionalMemory", "com.linkedin.common.Deprecation",
            "com.linkedin.ml.metadata.MLModelGroupProperties",
        ];
        tutorials.Except(snapshotAspects).ShouldBeEmpty();
        JsonNode.Parse(lines[20])!.AsArray().Select(m => m!.GetValue<string>()).ShouldContain(Model);
        lines[21].ShouldBe($$"""{"value":"{{Group}}"}""");
        JsonNode.Parse(lines[22])!["status"]!.GetValue<int>().ShouldBe(412);
        var refused = JsonNode.Parse(lines[23])!;
        refused["status"]!.GetValue<int>().ShouldBe(400);
        refused["path"]!.GetValue<string>().ShouldBe("proposal.mlModelProperties.groups[0]");
        lines.Length.ShouldBe(24);

        var gms = new DataHubWire(service.Http);
        var table = await gms.GetAspectAsync(Table, "mlFeatureTableProperties", "com.linkedin.ml.metadata.MLFeatureTableProperties");
        Urns(table!["mlFeatures"]).ShouldBe([Feature("age"), Feature("signup_date"), Feature("country")]);
        var model = await gms.GetAspectAsync(Model, "mlModelProperties", "com.linkedin.ml.metadata.MLModelProperties");
        Urns(model!["mlFeatures"]).ShouldBe([Feature("age"), Feature("signup_date")]);
        Urns(model["groups"]).ShouldBe([Group, Ranking]);
        model["trainingMetrics"]![0]!["value"]!.GetValue<string>().ShouldBe("0.92");
        var feature = await gms.GetAspectAsync(Feature("age"), "mlFeatureProperties", "com.linkedin.ml.metadata.MLFeatureProperties");
        feature!["dataType"]!.GetValue<string>().ShouldBe("TEXT");
        var tags = await gms.GetAspectAsync(Group, "globalTags", "com.linkedin.common.GlobalTags");
        tags!["tags"]!.AsArray().Select(t => t!["tag"]!.GetValue<string>())
            .ShouldBe(["urn:li:tag:production-ready", "urn:li:tag:recommendation", "urn:li:tag:gold"]);
        var deprecation = await gms.GetAspectAsync(Group, "deprecation", "com.linkedin.common.Deprecation");
        deprecation!["deprecated"]!.GetValue<bool>().ShouldBeTrue();
        var group = await gms.GetAspectAsync(Group, "mlModelGroupProperties", "com.linkedin.ml.metadata.MLModelGroupProperties");
        Urns(group!["trainingJobs"]).ShouldBe(["urn:li:dataJob:(urn:li:dataFlow:(airflow,train_recs,PROD),training_task)"]);
        // The refused write left the model's groups as they were.
        (await gms.GetAspectAsync(Model, "mlModelProperties", "com.linkedin.ml.metadata.MLModelProperties"))!.ToJsonString()
            .ShouldBe(model.ToJsonString());
    }

    private static string[] Urns(JsonNode? list) => [.. list!.AsArray().Select(u => u!.GetValue<string>())];

    /// <summary>Until the search index has applied every change in the store's feed, as its feeder's own test is.</summary>
    private static async Task WaitForSearchToCatchUpAsync(ServiceProcess service, IGraphStore store)
    {
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(60); await Task.Delay(50))
        {
            var health = await service.Http.GetFromJsonAsync<JsonObject>("/health");
            var applied = health!["search"]!["appliedSequence"]!.GetValue<long>();
            if ((await store.ReadChangesAfterAsync(applied, 1, CancellationToken.None)).Count == 0) return;
        }
        throw new TimeoutException("the search index did not catch up with the store's change feed within 60 s");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await StopStoreAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_checkout, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>
/// The two stores' README runs, one after the other: the impact alert example's receiver listens on the port the
/// README names.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReadmeCollection
{
    public const string Name = "readme";
}

[Collection(ReadmeCollection.Name)]
public sealed class sqlite_readme_examples(ITestOutputHelper output) : ReadmeExamplesTests(output)
{
    protected override Task<string[]> StartStoreAsync() => Task.FromResult<string[]>(["--Lineage:Store=embedded"]);

    protected override IGraphStore OpenStore(string dataDirectory) => new SqliteGraphStore(Path.Combine(dataDirectory, "lineage.db"));
}

/// <summary>
/// On a Neo4j server of its own (the instance <c>readme</c> of scripts/neo4j-test-server.sh), not the shared test
/// server: the README's answers are those of the README's data alone, and the shared server holds every other
/// test's (the users dataset among them).
/// </summary>
[Collection(ReadmeCollection.Name)]
public sealed class neo4j_readme_examples(ITestOutputHelper output) : ReadmeExamplesTests(output)
{
    private Neo4jInstance? _neo4j;

    protected override async Task<string[]> StartStoreAsync()
    {
        _neo4j = await Neo4jInstance.StartAsync("readme");
        return ["--Lineage:Store=neo4j", $"--Lineage:Neo4j:Uri={_neo4j.Uri}"];
    }

    protected override IGraphStore OpenStore(string dataDirectory) =>
        new Neo4jGraphStore(new CypherClient(new Neo4jOptions { Uri = _neo4j!.Uri }));

    protected override async Task StopStoreAsync()
    {
        if (_neo4j is not null) await _neo4j.DisposeAsync();
    }
}
