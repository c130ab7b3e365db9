using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;
using Lineage.Cli.Tests.Support;
using Spectre.Console;
using Spectre.Console.Testing;

namespace Lineage.Cli.Tests.Views;

/// <summary>
/// The README's terminal screenshots, taken from real runs in a colour terminal: <c>lineage import</c> with its progress
/// bar part way (each batch is slowed so the bar is redrawn between them), and the impact tree of the tutorial's users
/// dataset. Saved to the test output's <c>screenshots/</c>; <c>docs/images/cli-*.png</c> are copies.
/// </summary>
public sealed class TerminalShotsTests : IAsyncLifetime
{
    private const string Users = "urn:li:dataset:(urn:li:dataPlatform:hive,users,PROD)";
    private readonly SqliteApiFactory _host = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("lineage-cli-shots-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task the_import_progress_bar_and_the_impact_tree_as_a_terminal_shows_them()
    {
        var tutorial = Path.Combine(_folder, "ml-tutorial.json");
        await File.WriteAllTextAsync(tutorial, TutorialAsFileEntries().ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Connectors", "Fixtures");
        string[] files = [tutorial, Path.Combine(fixtures, "mlflow", "mlflow_mcps_golden.json"), Path.Combine(fixtures, "vertexai", "vertexai_mcps_golden.json"),
            Path.Combine(fixtures, "feast", "feast_repository_mces_golden.json"), Path.Combine(fixtures, "sagemaker", "sagemaker_mces_golden.json")];

        var import = await CliRun.RunAsync(Terminal(), Variables(), () => new Slow(_host.Server.CreateHandler()), ["import", .. files]);
        import.ExitCode.ShouldBe(0, import.ToString());
        var frames = TerminalPicture.Frames(import.Output);
        var midway = frames.Where(f => Percent(f) is > 20 and < 90).ToList();
        midway.ShouldNotBeEmpty(import.Output);
        var frame = midway[midway.Count / 2];
        frame.ShouldContain("importing");
        frame.ShouldContain("entries/s");
        await TerminalPicture.SaveAsync("cli-import-progress", "lineage import ml-tutorial.json mlflow_mcps_golden.json vertexai_mcps_golden.json …", frame);

        var impact = await CliRun.RunAsync(Terminal(), Variables(), _host.Server.CreateHandler, "impact", Users);
        impact.ExitCode.ShouldBe(0, impact.ToString());
        impact.Output.ShouldContain("my-model");
        var path = await TerminalPicture.SaveAsync("cli-impact-tree", $"lineage impact '{Users}'", impact.Output);
        new FileInfo(path).Length.ShouldBeGreaterThan(10_000);
    }

    private static TestConsole Terminal() =>
        new TestConsole().Width(120).Interactive().SupportsAnsi(true).EmitAnsiSequences().Colors(ColorSystem.TrueColor);

    private Dictionary<string, string> Variables() => new()
    {
        ["LINEAGE_SERVER"] = _host.Server.BaseAddress.ToString(),
        ["LINEAGE_TOKEN"] = AuthorizedClients.AdminToken(_host.Services),
    };

    private static int Percent(string frame) =>
        System.Text.RegularExpressions.Regex.Match(frame, @"(\d+)%") is { Success: true } m ? int.Parse(m.Groups[1].Value) : -1;

    /// <summary>The example estate (examples/ml-tutorial.json, {urn, aspect, value}) as DataHub file entries.</summary>
    private static JsonArray TutorialAsFileEntries() =>
        new([.. JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ml-tutorial.json")))!.AsArray()
            .Select(e => (JsonNode)new JsonObject
            {
                ["entityUrn"] = e!["urn"]!.DeepClone(),
                ["changeType"] = "UPSERT",
                ["aspectName"] = e["aspect"]!.DeepClone(),
                ["aspect"] = new JsonObject { ["json"] = e["value"]!.DeepClone() },
            })]);

    /// <summary>Each request takes a while, so the progress bar is drawn between batches, as on a real network.</summary>
    private sealed class Slow(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            await Task.Delay(400, ct);
            return await base.SendAsync(request, ct);
        }
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
