using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Readme;
using Lineage.Api.Tests.Support;
using Lineage.Cli.Tests.Support;
using Lineage.Graph.Tests.Neo4j;

namespace Lineage.Cli.Tests.Transfer;

/// <summary>
/// The catalog the round-trip tests move, on the embedded store in a real service process: the README's walk-through
/// (run as written, with curl), DataHub's sample data (loaded with <c>lineage import</c>), an aspect with three versions
/// and one deleted after two; and two empty Neo4j-backed services, each on a Neo4j server of its own, to move it into.
/// </summary>
public sealed class RoundTripCatalog : IAsyncLifetime
{
    /// <summary>The classes that use the catalog run one after another, as they write to it.</summary>
    public const string Collection = "round-trip catalog";

    public const string Versioned = "urn:li:dataset:(urn:li:dataPlatform:hive,cli_versions,PROD)";

    private readonly string _root = Directory.CreateTempSubdirectory("lineage-cli-roundtrip-").FullName;
    private readonly List<Neo4jInstance> _neo4j = [];

    public ServiceProcess Source { get; private set; } = null!;

    /// <summary>The target of export and import.</summary>
    public ServiceProcess ImportTarget { get; private set; } = null!;

    /// <summary>The target of migrate.</summary>
    public ServiceProcess MigrateTarget { get; private set; } = null!;

    public string Folder => _root;

    public async Task InitializeAsync()
    {
        var servers = Task.WhenAll(Neo4jInstance.StartAsync("cli-import"), Neo4jInstance.StartAsync("cli-migrate"));
        var checkout = Path.Combine(_root, "checkout");
        var data = ExampleShell.DataDirectory(checkout);
        Source = await ServiceProcess.StartAsync(data, "--Lineage:Store=embedded");
        var token = (await File.ReadAllTextAsync(Path.Combine(data, "admin.token"))).Trim();

        var walkThrough = ReadmeExamples.Load().WalkThrough;
        var (exitCode, _, stderr) = await new ExampleShell(checkout, Source.Address, token).RunAsync(walkThrough.Command.Text);
        exitCode.ShouldBe(0, stderr);

        var sample = await CliRun.RunAsync(To(Source), "import", Path.Combine(AppContext.BaseDirectory, "Connectors", "Fixtures", "bootstrap", "bootstrap_mce.json"));
        sample.ExitCode.ShouldBe(0, sample.ToString());

        foreach (var description in new[] { "first", "second", "third" })
            await WriteAsync("datasetProperties", new JsonObject { ["description"] = description, ["customProperties"] = new JsonObject() });
        await WriteAsync("globalTags", new JsonObject { ["tags"] = new JsonArray(new JsonObject { ["tag"] = "urn:li:tag:first" }) });
        await WriteAsync("globalTags", new JsonObject { ["tags"] = new JsonArray(new JsonObject { ["tag"] = "urn:li:tag:second" }) });
        (await Source.Http.PostAsJsonAsync("/aspects?action=ingestProposal", new JsonObject
        {
            ["proposal"] = new JsonObject
            {
                ["entityType"] = "dataset", ["entityUrn"] = Versioned, ["changeType"] = "DELETE", ["aspectName"] = "globalTags",
            },
        })).EnsureSuccessStatusCode();

        _neo4j.AddRange(await servers);
        ImportTarget = await Neo4jService(_neo4j[0], "import");
        MigrateTarget = await Neo4jService(_neo4j[1], "migrate");
    }

    /// <summary>The variables that point the command line at <paramref name="service"/> with its admin token.</summary>
    public static Dictionary<string, string> To(ServiceProcess service) => new()
    {
        ["LINEAGE_SERVER"] = service.Address.ToString(),
        ["LINEAGE_TOKEN"] = Token(service),
    };

    public static string Token(ServiceProcess service) =>
        service.Http.DefaultRequestHeaders.Authorization!.Parameter!;

    private async Task WriteAsync(string aspect, JsonObject value) =>
        (await Source.Http.PostAsJsonAsync("/aspects?action=ingestProposal", new JsonObject
        {
            ["proposal"] = new JsonObject
            {
                ["entityType"] = "dataset", ["entityUrn"] = Versioned, ["changeType"] = "UPSERT", ["aspectName"] = aspect,
                ["aspect"] = new JsonObject { ["value"] = value.ToJsonString(), ["contentType"] = "application/json" },
            },
        })).EnsureSuccessStatusCode();

    private async Task<ServiceProcess> Neo4jService(Neo4jInstance server, string name) =>
        await ServiceProcess.StartAsync(Path.Combine(_root, name), "--Lineage:Store=neo4j", $"--Lineage:Neo4j:Uri={server.Uri}");

    public async Task DisposeAsync()
    {
        foreach (var service in new[] { Source, ImportTarget, MigrateTarget })
            if (service is not null) await service.DisposeAsync();
        foreach (var server in _neo4j) await server.DisposeAsync();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}

/// <summary>One round-trip catalog for the classes that read and move it.</summary>
[CollectionDefinition(RoundTripCatalog.Collection)]
public sealed class RoundTripCollection : ICollectionFixture<RoundTripCatalog>;
