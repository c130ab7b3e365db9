using System.Text.Json.Nodes;
using Lineage.Cli.Tests.Support;

namespace Lineage.Cli.Tests.Transfer;

/// <summary>
/// A catalog moved from the embedded store to Neo4j, by <c>lineage export</c> then <c>lineage import</c>, and by
/// <c>lineage migrate</c>: every entity, every aspect version (with its time and actor) and every edge ends up the same.
/// </summary>
[Collection(RoundTripCatalog.Collection)]
public sealed class RoundTripTests(RoundTripCatalog catalog)
{
    [Fact]
    public async Task an_export_with_history_imported_into_neo4j_gives_the_same_entities_versions_and_edges()
    {
        var file = Path.Combine(catalog.Folder, "catalog.json");
        var export = await CliRun.RunAsync(RoundTripCatalog.To(catalog.Source), "export", "--out", file, "--history");
        export.ExitCode.ShouldBe(0, export.ToString());
        var urns = EntityUrns(file);
        urns.ShouldContain(RoundTripCatalog.Versioned);
        urns.ShouldContain("urn:li:mlModel:(urn:li:dataPlatform:mlflow,recommender-v1,PROD)");        // the walk-through
        urns.ShouldContain("urn:li:dataset:(urn:li:dataPlatform:hive,SampleHiveDataset,PROD)");      // DataHub's sample data

        var import = await CliRun.RunAsync(RoundTripCatalog.To(catalog.ImportTarget), "import", file);
        import.ExitCode.ShouldBe(0, import.ToString());
        import.Output.ShouldContain("refused");

        (await CatalogComparison.DifferencesAsync(catalog.Source, catalog.ImportTarget, urns)).ShouldBeEmpty();
        var versions = await History(catalog.ImportTarget, RoundTripCatalog.Versioned, "datasetProperties");
        versions.Select(v => v!["value"]!["description"]!.GetValue<string>()).ShouldBe(["third", "second", "first"]);

        // What the copy exports is what the original exported, byte for byte: versions, times, actors, timeseries values.
        var again = Path.Combine(catalog.Folder, "copy.json");
        (await CliRun.RunAsync(RoundTripCatalog.To(catalog.ImportTarget), "export", "--out", again, "--history")).ExitCode.ShouldBe(0);
        (await File.ReadAllTextAsync(again)).ShouldBe(await File.ReadAllTextAsync(file));

        // Importing the same file again changes nothing.
        var repeat = await CliRun.RunAsync(RoundTripCatalog.To(catalog.ImportTarget), "import", file);
        repeat.ExitCode.ShouldBe(0, repeat.ToString());
        var entries = EntryCount(file);
        SummaryRow(repeat).ShouldBe([entries, 0, entries, 0]);
        (await CliRun.RunAsync(RoundTripCatalog.To(catalog.ImportTarget), "export", "--out", again, "--history")).ExitCode.ShouldBe(0);
        (await File.ReadAllTextAsync(again)).ShouldBe(await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task migrate_copies_the_catalog_into_neo4j_and_its_check_passes_then_fails_on_a_difference()
    {
        var variables = new Dictionary<string, string>();
        string[] args = ["migrate", "--from", catalog.Source.Address.ToString(), "--to", catalog.MigrateTarget.Address.ToString(),
            "--from-token", RoundTripCatalog.Token(catalog.Source), "--to-token", RoundTripCatalog.Token(catalog.MigrateTarget)];
        var migrate = await CliRun.RunAsync(variables, args);
        migrate.ExitCode.ShouldBe(0, migrate.ToString());
        migrate.Output.ShouldContain("The copy matches.");

        var file = Path.Combine(catalog.Folder, "migrated.json");
        (await CliRun.RunAsync(RoundTripCatalog.To(catalog.Source), "export", "--out", file, "--history")).ExitCode.ShouldBe(0);
        (await CatalogComparison.DifferencesAsync(catalog.Source, catalog.MigrateTarget, EntityUrns(file))).ShouldBeEmpty();

        // An entity only the target has: the check names it and the exit code says the copy does not match.
        var extra = "urn:li:dataset:(urn:li:dataPlatform:hive,only_in_the_target,PROD)";
        (await catalog.MigrateTarget.Http.PostAsync("/openapi/v3/entity/dataset?async=false", new StringContent(
            new JsonArray(new JsonObject { ["urn"] = extra, ["status"] = new JsonObject { ["value"] = new JsonObject { ["removed"] = false } } }).ToJsonString(),
            System.Text.Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        var again = await CliRun.RunAsync(variables, args);
        again.ExitCode.ShouldBe(5, again.ToString());
        again.Output.ShouldContain($"{extra}: not in the source");
    }

    private static async Task<JsonArray> History(Api.Tests.Support.ServiceProcess service, string urn, string aspect)
    {
        var history = JsonNode.Parse(await service.Http.GetStringAsync($"/api/v1/history?urn={Uri.EscapeDataString(urn)}&aspect={aspect}"))!;
        return history["aspects"]![0]!["versions"]!.AsArray();
    }

    private static List<string> EntityUrns(string file) =>
        [.. JsonNode.Parse(File.ReadAllText(file))!.AsArray().Select(e => e!["entityUrn"]!.GetValue<string>()).Distinct()];

    private static long EntryCount(string file) => JsonNode.Parse(File.ReadAllText(file))!.AsArray().Count;

    /// <summary>The numbers of the summary table: entries, written, unchanged, refused.</summary>
    private static long[] SummaryRow(CliResult result)
    {
        var row = result.Output.Split('\n').Single(l => l.TrimStart().StartsWith('│') && char.IsDigit(l.Trim('│', ' ')[0]));
        return [.. row.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => long.Parse(c, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture))];
    }
}
