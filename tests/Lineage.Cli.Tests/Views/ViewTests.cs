using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;
using Lineage.Cli.Tests.Support;

namespace Lineage.Cli.Tests.Views;

/// <summary>
/// The reading commands on DataHub's sample data: trees and tables a person reads, and with <c>--json</c> the service's
/// answer as it came, for scripts.
/// </summary>
public sealed class ViewTests : IAsyncLifetime
{
    private const string Kafka = "urn:li:dataset:(urn:li:dataPlatform:kafka,SampleKafkaDataset,PROD)";
    private const string Hdfs = "urn:li:dataset:(urn:li:dataPlatform:hdfs,SampleHdfsDataset,PROD)";
    private const string Hive = "urn:li:dataset:(urn:li:dataPlatform:hive,SampleHiveDataset,PROD)";
    private readonly SqliteApiFactory _host = new();

    public async Task InitializeAsync()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "Connectors", "Fixtures", "bootstrap", "bootstrap_mce.json");
        (await CliRun.RunAsync(_host, "import", sample)).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task lineage_prints_the_upstream_tree_nearest_first()
    {
        var result = await CliRun.RunAsync(_host, "lineage", Hive, "--direction", "upstream");
        result.ExitCode.ShouldBe(0, result.ToString());
        var lines = result.Output.Split('\n');
        lines[0].ShouldStartWith("SampleHiveDataset dataset · hive");
        lines.ShouldContain(l => l.StartsWith("└── DownstreamOf SampleHdfsDataset dataset · hdfs", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("    └── DownstreamOf SampleKafkaDataset dataset · kafka", StringComparison.Ordinal));
    }

    [Fact]
    public async Task impact_prints_the_paths_the_counts_and_the_owners()
    {
        var result = await CliRun.RunAsync(_host, "impact", Kafka);
        result.ExitCode.ShouldBe(0, result.ToString());
        var answer = await JsonAsync($"/api/v1/impact?urn={Uri.EscapeDataString(Kafka)}");
        result.Output.ShouldContain($"{answer["total"]} affected");
        result.Output.ShouldContain("├── Consumes baz1 chart");
        result.Output.ShouldContain("│   └── Contains baz dashboard");
        foreach (var (type, count) in answer["countsByType"]!.AsObject())
            result.Output.ShouldContain($"│ {type.PadRight(answer["countsByType"]!.AsObject().Max(p => p.Key.Length))} │ {count}");
        result.Output.ShouldContain("owners to tell");
        result.Output.ShouldContain("urn:li:corpGroup:bfoo");
    }

    [Fact]
    public async Task json_prints_the_services_answer_as_it_is()
    {
        foreach (var (args, path) in new (string[], string)[]
        {
            (["impact", Kafka, "--json"], $"/api/v1/impact?urn={Uri.EscapeDataString(Kafka)}"),
            (["lineage", Hive, "--json"], $"/api/v1/lineage?urn={Uri.EscapeDataString(Hive)}"),
            (["search", "sample", "--json"], "/api/v1/search?q=sample"),
        })
        {
            var result = await CliRun.RunAsync(_host, args);
            result.ExitCode.ShouldBe(0, result.ToString());
            JsonNode.DeepEquals(JsonNode.Parse(result.Output), await JsonAsync(path)).ShouldBeTrue(string.Join(' ', args));
        }
    }

    [Fact]
    public async Task path_search_and_get_print_what_they_found()
    {
        var path = await CliRun.RunAsync(_host, "path", Kafka, Hive);
        path.ExitCode.ShouldBe(0, path.ToString());
        path.Output.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ShouldBe(
            ["2 hops downstream", Kafka, "↓ DownstreamOf", Hdfs, "↓ DownstreamOf", Hive]);

        var search = await CliRun.RunAsync(_host, "search", "sample", "--type", "dataset");
        search.ExitCode.ShouldBe(0, search.ToString());
        search.Output.ShouldContain("SampleKafkaDataset");
        search.Output.ShouldContain("3 of 3 matches");

        var get = await CliRun.RunAsync(_host, "get", Hive, "--aspect", "ownership");
        get.ExitCode.ShouldBe(0, get.ToString());
        get.Output.ShouldContain("ownership");
        get.Output.ShouldContain("urn:li:corpuser:jdoe");
        get.Output.ShouldNotContain("schemaMetadata");

        var absent = await CliRun.RunAsync(_host, "get", "urn:li:dataset:(urn:li:dataPlatform:hive,nowhere,PROD)");
        absent.ExitCode.ShouldBe(6);
        absent.Errors.ShouldContain("(404)");
    }

    private async Task<JsonNode> JsonAsync(string path)
    {
        using var http = _host.CreateClient();
        return JsonNode.Parse(await http.GetStringAsync(path))!;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
