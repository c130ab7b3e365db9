using System.Diagnostics;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Tutorial;

/// <summary>
/// The README's curl walk-through of DataHub's ML tutorial, run as it stands with bash, curl and jq against the
/// service as a real process: what a newcomer pastes works, and leaves what the tutorial says it leaves.
/// </summary>
public abstract class ReadmeWalkthroughTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const string Group = "urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,recommendation-models,PROD)";
    private const string Ranking = "urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,ranking-models,PROD)";
    private const string Model = "urn:li:mlModel:(urn:li:dataPlatform:mlflow,recommender-v1,PROD)";
    private const string Table = "urn:li:mlFeatureTable:(urn:li:dataPlatform:feast,users_feature_table)";
    private static string Feature(string name) => $"urn:li:mlFeature:(users_feature_table,{name})";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "lineage-readme-" + Guid.NewGuid().ToString("N"));

    /// <summary>The settings that put the service on the store under test.</summary>
    protected abstract string[] StoreSettings { get; }

    [Fact]
    public async Task the_readme_walk_through_runs_as_written_and_leaves_the_tutorials_estate()
    {
        await using var service = await ServiceProcess.StartAsync(_dataDirectory, StoreSettings);
        var token = (await File.ReadAllTextAsync(Path.Combine(_dataDirectory, "admin.token"))).Trim();

        var (exitCode, stdout, stderr) = await RunBashAsync(WalkThroughBlock(), ("GMS", service.Address.ToString().TrimEnd('/')), ("TOKEN", token));
        output.WriteLine(stdout);
        output.WriteLine(stderr);
        exitCode.ShouldBe(0, stderr);
        stderr.ShouldBeEmpty();

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

        // What the tutorial leaves, read back the way the client reads it.
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

    /// <summary>The first bash block under the README's walk-through heading.</summary>
    private static string WalkThroughBlock()
    {
        var readme = File.ReadAllText(Path.Combine(Lineage.Graph.Tests.Repository.Root, "README.md"));
        var section = readme[readme.IndexOf("## Walk-through: DataHub's ML tutorial with curl", StringComparison.Ordinal)..];
        var start = section.IndexOf("```bash\n", StringComparison.Ordinal) + "```bash\n".Length;
        return section[start..section.IndexOf("\n```", start, StringComparison.Ordinal)];
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunBashAsync(string script, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add("-eo");
        info.ArgumentList.Add("pipefail");
        foreach (var (name, value) in environment) info.Environment[name] = value;
        using var bash = Process.Start(info)!;
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        await bash.StandardInput.WriteAsync(script);
        bash.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await bash.WaitForExitAsync(timeout.Token);
        return (bash.ExitCode, await stdout, await stderr);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return Task.CompletedTask;
    }
}

public sealed class sqlite_readme_walkthrough(Xunit.Abstractions.ITestOutputHelper output) : ReadmeWalkthroughTests(output)
{
    protected override string[] StoreSettings => ["--Lineage:Store=embedded"];
}

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_readme_walkthrough(Xunit.Abstractions.ITestOutputHelper output) : ReadmeWalkthroughTests(output)
{
    protected override string[] StoreSettings => ["--Lineage:Store=neo4j", $"--Lineage:Neo4j:Uri={Graph.Tests.Neo4j.Neo4jServer.Options().Uri}"];
}
