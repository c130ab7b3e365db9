using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;
using Lineage.Cli.Tests.Support;

namespace Lineage.Cli.Tests.Transfer;

/// <summary><c>lineage import</c> of DataHub's own files into a service on the embedded store, in memory.</summary>
public sealed class ImportTests : IAsyncLifetime
{
    private static readonly string MlflowFile = Path.Combine(AppContext.BaseDirectory, "Connectors", "Fixtures", "mlflow", "mlflow_mcps_golden.json");
    private readonly SqliteApiFactory _host = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("lineage-cli-import-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task datahubs_recorded_mlflow_output_loads_whole_and_a_second_import_changes_nothing()
    {
        var first = await CliRun.RunAsync(_host, "import", MlflowFile);
        first.ExitCode.ShouldBe(0, first.ToString());
        Row(first).ShouldBe(["33", "33", "0", "0"]);

        using var http = _host.CreateClient();
        var model = "urn:li:mlModel:(urn:li:dataPlatform:mlflow,test-model_1,PROD)";
        var entity = JsonNode.Parse(await http.GetStringAsync($"/entitiesV2/{Uri.EscapeDataString(model)}"))!;
        entity["aspects"]!["mlModelProperties"]!["value"]!["groups"]![0]!.GetValue<string>()
            .ShouldBe("urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,test-model,PROD)");
        entity["aspects"]!["versionProperties"].ShouldNotBeNull();

        var second = await CliRun.RunAsync(_host, "import", MlflowFile);
        second.ExitCode.ShouldBe(0, second.ToString());
        Row(second).ShouldBe(["33", "0", "33", "0"]);
    }

    [Fact]
    public async Task refused_entries_are_listed_with_their_index_line_and_reason_and_the_rest_go_in()
    {
        var file = Path.Combine(_folder, "mixed.json");
        await File.WriteAllTextAsync(file, """
            [
                {"entityType": "dataset", "entityUrn": "urn:li:dataset:(urn:li:dataPlatform:hive,cli_good,PROD)",
                 "changeType": "UPSERT", "aspectName": "status", "aspect": {"json": {"removed": false}}},
                {"entityType": "dataset", "entityUrn": "urn:li:dataset:(urn:li:dataPlatform:hive,cli_bad,PROD)",
                 "changeType": "UPSERT", "aspectName": "noSuchAspect", "aspect": {"json": {}}},
                {"entityType": "dataset", "entityUrn": "not-a-urn",
                 "changeType": "UPSERT", "aspectName": "status", "aspect": {"json": {"removed": false}}},
                {"entityType": "dataset", "entityUrn": "urn:li:dataset:(urn:li:dataPlatform:hive,cli_good2,PROD)",
                 "changeType": "UPSERT", "aspectName": "status", "aspect": {"json": {"removed": "no"}}},
                {"entityType": "dataset", "entityUrn": "urn:li:dataset:(urn:li:dataPlatform:hive,cli_good3,PROD)",
                 "changeType": "UPSERT", "aspectName": "status", "aspect": {"json": {"removed": true}}}
            ]
            """);
        var result = await CliRun.RunAsync(_host, "import", file);
        result.ExitCode.ShouldBe(5, result.ToString());
        Row(result).ShouldBe(["5", "2", "0", "3"]);
        var refused = result.Output.Split('\n').Where(l => l.Contains("mixed.json", StringComparison.Ordinal)).ToList();
        refused.Count.ShouldBe(3);
        refused[0].ShouldContain(" 1 ");
        refused[0].ShouldContain(" 4 ");
        refused[0].ShouldContain("unknown aspect 'noSuchAspect'");
        refused[1].ShouldContain(" 2 ");
        refused[1].ShouldContain(" 6 ");
        refused[1].ShouldContain("entries[2].entityUrn");
        refused[2].ShouldContain(" 3 ");
        refused[2].ShouldContain("status.removed");

        using var http = _host.CreateClient();
        (await http.GetAsync($"/entitiesV2/{Uri.EscapeDataString("urn:li:dataset:(urn:li:dataPlatform:hive,cli_good3,PROD)")}")).IsSuccessStatusCode.ShouldBeTrue();
    }

    [Fact]
    public async Task an_entry_larger_than_the_service_takes_is_refused_and_the_rest_of_its_batch_goes_in()
    {
        await using var host = new SmallBodies();
        var file = Path.Combine(_folder, "large.json");
        JsonObject Entry(string name, string description) => new()
        {
            ["entityUrn"] = $"urn:li:dataset:(urn:li:dataPlatform:hive,{name},PROD)", ["aspectName"] = "datasetProperties",
            ["aspect"] = new JsonObject { ["json"] = new JsonObject { ["description"] = description } },
        };
        await File.WriteAllTextAsync(file, new JsonArray(Entry("small_a", "a"), Entry("large", new string('x', 6000)), Entry("small_b", "b")).ToJsonString());

        var result = await CliRun.RunAsync(host, "import", file);

        result.ExitCode.ShouldBe(5, result.ToString());
        Row(result).ShouldBe(["3", "2", "0", "1"]);
        result.Output.ShouldContain("413");
        result.Output.ShouldContain("MaxRequestBodyBytes");
    }

    [Fact]
    public async Task from_resumes_at_the_entry_it_names()
    {
        var result = await CliRun.RunAsync(_host, "import", MlflowFile, "--from", "30");
        result.ExitCode.ShouldBe(0, result.ToString());
        Row(result)[0].ShouldBe("3");
    }

    /// <summary>The numbers of the summary table: entries, written, unchanged, refused.</summary>
    internal static string[] Row(CliResult result) =>
        result.Output.Split('\n').Single(l => l.TrimStart().StartsWith('│') && char.IsDigit(l.Trim('│', ' ')[0]))
            .Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A service that takes request bodies of 4,000 bytes at most.</summary>
    private sealed class SmallBodies : LineageApiFactory
    {
        protected override void Configure(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseSetting("Lineage:Store", "embedded");
            builder.UseSetting("Lineage:Limits:MaxRequestBodyBytes", "4000");
        }
    }
}
