using Lineage.Graph.Tests;

namespace Lineage.Api.Tests.Readme;

/// <summary>
/// The README's fenced blocks sorted out: every <c>bash</c> block is an example to run, unless <see cref="Excluded"/>
/// names it with the reason; a block that opens on the line after an example's closing fence, in <c>json</c>,
/// <c>text</c> or no language, is the answer the example shows; any other block must be excluded too. So a new
/// example runs, and its answer is compared, unless someone says here why not.
/// </summary>
internal sealed class ReadmeExamples
{
    /// <summary>The section whose block writes the data the other examples read; it runs first.</summary>
    public const string WalkThroughHeading = "Walk-through: DataHub's ML tutorial with curl";

    private static readonly string[] CommandLanguages = ["bash", "sh", "shell"];
    private static readonly string[] AnswerLanguages = ["", "json", "text"];

    /// <summary>The blocks not run, each with its reason.</summary>
    public static readonly IReadOnlyList<NotRun> Excluded =
    [
        new("The two commands", "dotnet run --project src/Lineage.Api",
            "starts the service on port 8080 and src/Lineage.Api/data; the test starts it itself, on a fresh store"),
        new("The two commands", "bash scripts/test.sh", "runs every test, this one among them"),
        new("The Neo4j test server", "scripts/neo4j-test-server.sh start",
            "starts and stops the shared Neo4j test server that the other tests are using"),
        new("Configuration", "Lineage__Store=neo4j", "starts the service (on Neo4j); the test starts it itself"),
        new("Start-up and its errors", "Lineage listening on",
            "what a started service prints; Startup/StartupTests check these lines on a real start"),
        new("Docker", "docker compose", "needs a Docker engine, which the development machines lack; Docker/DockerFilesTests checks the files it names"),
        new("API document", "dotnet tool install -g Microsoft.OpenApi.Kiota",
            "installs a client generator and writes a client; ApiDocs/ApiDocumentTests check the document it reads with an OpenAPI parser"),
        new("Loading DataHub's sample data", "# sample-data.yml",
            "a recipe for DataHub's CLI (pip install acryl-datahub), which is not installed; SampleDataTests load the same file through both snapshot endpoints"),
        new("The example estate", "dotnet run --project bench/Lineage.Bench",
            "builds and runs the bench program, which loads 3,000 more entities; the explorer's tests load the same estate"),
        new("Benchmarks", "dotnet run -c Release --project bench/Lineage.Bench", "runs the benchmarks: minutes, and services of their own"),
        new("The command line: `lineage`", "dotnet pack src/Lineage.Cli",
            "packs the command line and installs it as a global tool on the reader's machine; its tests run the same program in process"),
        new("The command line: `lineage`", "lineage import tests/",
            "needs the command line in front of the service: tests/Lineage.Cli.Tests/ReadmeCommandsTests runs these lines, after the walk-through"),
        new("The command line: `lineage`", "Lineage__Store=neo4j Lineage__Neo4j__Uri",
            "starts a second service, on Neo4j; tests/Lineage.Cli.Tests/Transfer/RoundTripTests migrates into one"),
        new("Change events out", "# Every change as it is made",
            "streams until stopped; Changes/ChangeFeedTests read the stream, reconnect with Last-Event-ID and find nothing lost"),
        new("OpenLineage events in", "# Airflow (apache-airflow-providers-openlineage)",
            "configuration of Airflow, Spark and dbt, which are not installed; OpenLineage/OpenLineageEventTests send the events they record"),
    ];

    private ReadmeExamples(List<Example> examples, List<(FencedBlock, NotRun)> skipped, List<string> problems)
    {
        Examples = examples;
        Skipped = skipped;
        Problems = problems;
    }

    /// <summary>The examples to run, in README order.</summary>
    public IReadOnlyList<Example> Examples { get; }

    /// <summary>The blocks not run, and why.</summary>
    public IReadOnlyList<(FencedBlock Block, NotRun Why)> Skipped { get; }

    /// <summary>Blocks that are neither an example, an answer nor excluded, and exclusions that name no block.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The walk-through, which writes what the other examples read.</summary>
    public Example WalkThrough => Examples.Single(e => e.Command.Heading == WalkThroughHeading);

    /// <summary>The order the test runs them in: the walk-through first, then the others as the README shows them.</summary>
    public IEnumerable<Example> InRunOrder => Examples.Where(e => e != WalkThrough).Prepend(WalkThrough);

    public static ReadmeExamples Load() => Classify(File.ReadAllText(Path.Combine(Repository.Root, "README.md")));

    public static ReadmeExamples Classify(string markdown)
    {
        var blocks = FencedBlock.Parse(markdown);
        var examples = new List<Example>();
        var skipped = new List<(FencedBlock, NotRun)>();
        var problems = new List<string>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var answer = i + 1 < blocks.Count && blocks[i + 1].Line == block.EndLine + 1 && AnswerLanguages.Contains(blocks[i + 1].Language)
                ? blocks[i + 1] : null;
            var why = Excluded.FirstOrDefault(e => e.Matches(block));
            if (why is not null) skipped.Add((block, why));
            else if (CommandLanguages.Contains(block.Language)) examples.Add(new Example(block, answer));
            else problems.Add($"{block}: neither an example (bash), the answer of the one just before it, nor excluded with a reason");
            if (answer is not null && CommandLanguages.Contains(block.Language)) i++;
        }
        problems.AddRange(Excluded.Where(e => !blocks.Any(e.Matches)).Select(e => $"the exclusion {e} names no block of the README"));
        return new ReadmeExamples(examples, skipped, problems);
    }
}
