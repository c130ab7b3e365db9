using System.Diagnostics;
using System.Text.Json;
using Lineage.Bench;

// dotnet run -c Release --project bench/Lineage.Bench -- --size S|M|L [--store embedded|neo4j|both] [--columns N]
//   --columns N: the column-lineage run instead (N columns per dataset, against the same estate without columns)
//   --ingest [--probes N]: the whole estate as DataHub's sink sends it, by 4 clients and by one client in batches of
//     1,000, read-your-writes on and off, and the in-process write path as the floor; on Neo4j also N (100) probes of
//     the lag between two instances
// dotnet run -c Release --project bench/Lineage.Bench -- --size M --store embedded --write-floor
//   only the in-process write path (the --ingest run's floor), to look at ingest without HTTP or the search index
// dotnet run -c Release --project bench/Lineage.Bench -- --openlineage [--events N] [--clients N] [--store …]
//   N (5,000) generated OpenLineage events, one per request, by one client and by N (4) clients at once
// dotnet run --project bench/Lineage.Bench -- --load-example [--url http://localhost:8080] [--token T]
if (args.Contains("--load-example"))
    return await ExampleLoader.RunAsync(FindRepo(), Arg("--url") ?? "http://localhost:8080", Arg("--token"));

// dotnet run -c Release --project bench/Lineage.Bench -- --draw   (the explorer's 500-node lineage view in Chromium)
const string DrawFile = "explorer-draw.json";
if (args.Contains("--draw"))
{
    var draw = await DrawBench.RunAsync(FindRepo(), rounds: 10);
    Console.WriteLine($"500-node lineage view drawn in p50/p95/p99 ms {draw.Draw}");
    File.WriteAllText(Path.Combine(FindRepo(), "bench", "results", DrawFile), JsonSerializer.Serialize(draw, new JsonSerializerOptions { WriteIndented = true }));
}

var size = Arg("--size") ?? "S";
var stores = (Arg("--store") ?? "both") switch
{
    "both" => new[] { "embedded", "neo4j" },
    var one => [one],
};
var entities = size switch { "S" => 10_000, "M" => 100_000, "L" => 1_000_000, _ => int.Parse(size) };
var repo = FindRepo();
var resultsFolder = Path.Combine(repo, "bench", "results");
Directory.CreateDirectory(resultsFolder);

var columns = int.TryParse(Arg("--columns"), out var perDataset) ? perDataset : 0;
var ingest = args.Contains("--ingest");
var openLineage = args.Contains("--openlineage");
var probes = int.TryParse(Arg("--probes"), out var probeCount) ? probeCount : 100;
var events = int.TryParse(Arg("--events"), out var eventCount) ? eventCount : 5_000;
var clients = int.TryParse(Arg("--clients"), out var clientCount) ? clientCount : 4;
var command = "dotnet run -c Release --project bench/Lineage.Bench -- " + string.Join(' ', args);
// The bench's Neo4j is a named instance of the test server script, so that its stop and start never touch the
// shared test server other work may be using.
if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NEO4J_INSTANCE"))) Environment.SetEnvironmentVariable("NEO4J_INSTANCE", "bench");

var measuring = !args.Contains("--report-only") && !args.Contains("--draw");

// The OpenLineage run generates events of its own, not an estate.
var estateNeeded = measuring && !openLineage;
if (estateNeeded) Console.WriteLine($"Generating estate {size} ({entities:N0} entities, seed 42{(columns > 0 ? $", and again with {columns} columns per dataset" : "")})");
var estate = estateNeeded ? new EstateGenerator(entities).Generate() : null;
var withColumns = measuring && columns > 0 ? new EstateGenerator(entities, columns: columns).Generate() : null;
if (withColumns?.Columns is { } facts)
    Console.WriteLine($"  {withColumns.Proposals.Count:N0} aspects ({estate!.Proposals.Count:N0} without columns), {facts.Columns:N0} columns, "
        + $"{facts.ColumnEdges:N0} column edges, {facts.ColumnSourcedFeatures:N0} features built from a column");
var json = new JsonSerializerOptions { WriteIndented = true };
var olEvents = measuring && openLineage ? new OpenLineageEvents(events).Generate() : default;
if (olEvents.Facts is { } olFacts)
    Console.WriteLine($"Generated {olFacts.Events:N0} OpenLineage events (seed 42): {olFacts.Runs:N0} runs of {olFacts.Jobs:N0} jobs in {olFacts.Namespaces} namespaces, "
        + $"{olFacts.Datasets:N0} datasets, {olFacts.ParentedRuns:N0} runs with a parent, {olFacts.MeanEventBytes:N0} bytes an event on average");
// --report-only rewrites BENCHMARKS.md from the saved results without running anything.
foreach (var store in measuring ? stores : [])
{
    if (openLineage)
    {
        var load = new List<string> { $"start: {Runner.LoadAverage()}" };
        var sequential = await OnFreshStoreAsync(store, uri => OpenLineageBench.RunAsync(repo, store, uri, olEvents.Runs, 1, $"[openlineage/{store}/1 client]"));
        load.Add($"1 client: {Runner.LoadAverage()}");
        var concurrent = await OnFreshStoreAsync(store, uri => OpenLineageBench.RunAsync(repo, store, uri, olEvents.Runs, clients, $"[openlineage/{store}/{clients} clients]"));
        load.Add($"{clients} clients: {Runner.LoadAverage()}");
        var run = new OpenLineageBenchResult(store, command, Machine(), DateTimeOffset.UtcNow, olEvents.Facts, sequential, concurrent, load);
        File.WriteAllText(Path.Combine(resultsFolder, $"{store}-openlineage.json"), JsonSerializer.Serialize(run, json));
        continue;
    }
    if (args.Contains("--write-floor"))
    {
        await OnFreshStoreAsync(store, uri => WriteFloor.MeasureAsync(estate!, store, uri, Runner.IngestBatchSize, $"[{size}/{store}/floor]"));
        continue;
    }
    if (Arg("--ingest-pass") is { } passName)
    {
        // One ingest pass, read-your-writes on, for a quick look or a profile while it runs: printed, not saved.
        var shape = passName switch
        {
            "bulk" => Runner.Bulk,
            "sink" => Runner.DataHubSink,
            "one" => Runner.OneClient,
            _ => throw new ArgumentException($"--ingest-pass takes bulk, sink or one, not '{passName}'"),
        };
        await OnFreshStoreAsync(store, uri => new Runner(repo, estate!, size, store, uri).RunIngestAsync(true, shape, 0));
        continue;
    }
    if (ingest)
    {
        var load = new List<string> { $"start: {Runner.LoadAverage()}" };
        // Each pass on a fresh store: as DataHub's sink sends, read-your-writes on and off; one client, on (and, on
        // Neo4j, the second instance) and off; then the floor.
        Task<(IngestPass, CrossInstanceLag?)> Pass(bool readYourWrites, IngestShape shape, int probeCount) =>
            OnFreshStoreAsync(store, uri => new Runner(repo, estate!, size, store, uri).RunIngestAsync(readYourWrites, shape, probeCount));
        var (sinkOn, _) = await Pass(true, Runner.DataHubSink, 0);
        load.Add($"{Runner.DataHubSink}, read-your-writes on: {Runner.LoadAverage()}");
        var (sinkOff, _) = await Pass(false, Runner.DataHubSink, 0);
        load.Add($"{Runner.DataHubSink}, read-your-writes off: {Runner.LoadAverage()}");
        var (bulkOn, _) = await Pass(true, Runner.Bulk, 0);
        load.Add($"{Runner.Bulk}, read-your-writes on: {Runner.LoadAverage()}");
        var (bulkOff, _) = await Pass(false, Runner.Bulk, 0);
        load.Add($"{Runner.Bulk}, read-your-writes off: {Runner.LoadAverage()}");
        var (on, lag) = await Pass(true, Runner.OneClient, store == "neo4j" ? probes : 0);
        load.Add($"{Runner.OneClient}, read-your-writes on: {Runner.LoadAverage()}");
        var (off, _) = await Pass(false, Runner.OneClient, 0);
        load.Add($"{Runner.OneClient}, read-your-writes off: {Runner.LoadAverage()}");
        var floor = await OnFreshStoreAsync(store, uri => WriteFloor.MeasureAsync(estate!, store, uri, Runner.IngestBatchSize, $"[{size}/{store}/floor]"));
        load.Add($"end: {Runner.LoadAverage()}");
        Console.WriteLine($"[{size}/{store}] read-your-writes on ÷ off: {sinkOn.AspectsPerSecond / sinkOff.AspectsPerSecond:0.00}× ({Runner.DataHubSink}), "
            + $"{on.AspectsPerSecond / off.AspectsPerSecond:0.00}× ({Runner.OneClient})");
        var run = new IngestBenchResult(size, store, command, Machine(), estate!.Entities, estate.Proposals.Count, Runner.IngestBatchSize,
            DateTimeOffset.UtcNow, on, off, floor, load) { CrossInstance = lag, SinkOn = sinkOn, SinkOff = sinkOff, BulkOn = bulkOn, BulkOff = bulkOff };
        File.WriteAllText(Path.Combine(resultsFolder, $"{size}-{store}-ingest.json"), JsonSerializer.Serialize(run, json));
        continue;
    }
    if (withColumns is not null)
    {
        var load = new List<string> { $"start: {Runner.LoadAverage()}" };
        string? Keep(string label) => Arg("--keep-data") is { } keep ? $"{keep}-{label}" : null;
        var (with, primitives) = await OnFreshStoreAsync(store, uri => new Runner(repo, withColumns, size, store, uri, Keep("columns")).RunColumnsAsync("columns", load));
        var (without, primitivesWithout) = await OnFreshStoreAsync(store, uri => new Runner(repo, estate!, size, store, uri, Keep("without-columns")).RunColumnsAsync("without-columns", load));
        load.Add($"end: {Runner.LoadAverage()}");
        foreach (var (name, times) in primitivesWithout) primitives[$"{name} (without columns)"] = times;
        var run = new ColumnBenchResult(size, store, columns, command, Machine(), withColumns.Columns!, with, without, load, primitives);
        File.WriteAllText(Path.Combine(resultsFolder, $"{size}-{store}-columns{columns}.json"), JsonSerializer.Serialize(run, json));
        continue;
    }
    var result = await OnFreshStoreAsync(store, uri => new Runner(repo, estate!, size, store, uri, Arg("--keep-data")).RunAsync());
    File.WriteAllText(Path.Combine(resultsFolder, $"{size}-{store}.json"), JsonSerializer.Serialize(result, json));
}

// The write floor alone saves nothing and leaves BENCHMARKS.md as it is.
if (args.Contains("--write-floor")) return 0;

static bool IsColumnRun(string file) => Path.GetFileNameWithoutExtension(file).Contains("-columns", StringComparison.Ordinal);
static bool IsIngestRun(string file) => Path.GetFileNameWithoutExtension(file).EndsWith("-ingest", StringComparison.Ordinal);
static bool IsOpenLineageRun(string file) => Path.GetFileNameWithoutExtension(file).EndsWith("-openlineage", StringComparison.Ordinal);
var all = Directory.GetFiles(resultsFolder, "*.json").Where(f => Path.GetFileName(f) != DrawFile && !IsColumnRun(f) && !IsIngestRun(f) && !IsOpenLineageRun(f))
    .Select(f => JsonSerializer.Deserialize<BenchResult>(File.ReadAllText(f))!).ToList();
var columnRuns = Directory.GetFiles(resultsFolder, "*.json").Where(IsColumnRun)
    .Select(f => JsonSerializer.Deserialize<ColumnBenchResult>(File.ReadAllText(f))!).ToList();
var ingestRuns = Directory.GetFiles(resultsFolder, "*.json").Where(IsIngestRun)
    .Select(f => JsonSerializer.Deserialize<IngestBenchResult>(File.ReadAllText(f))!).ToList();
var openLineageRuns = Directory.GetFiles(resultsFolder, "*.json").Where(IsOpenLineageRun)
    .Select(f => JsonSerializer.Deserialize<OpenLineageBenchResult>(File.ReadAllText(f))!).ToList();
var drawPath = Path.Combine(resultsFolder, DrawFile);
var drawn = File.Exists(drawPath) ? JsonSerializer.Deserialize<DrawResult>(File.ReadAllText(drawPath)) : null;
File.WriteAllText(Path.Combine(repo, "BENCHMARKS.md"), Report.Render(all, drawn, Machine()) + Notes(repo, "NOTES.md") + Report.RenderColumns(columnRuns, Notes(repo, "NOTES-columns.md"))
    + Report.RenderIngest(ingestRuns) + Report.RenderOpenLineage(openLineageRuns));
Console.WriteLine("BENCHMARKS.md written");
return 0;

string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

// Runs one measurement on a fresh store: for Neo4j a fresh server, so sizes, stores and estates do not see each other's data.
async Task<T> OnFreshStoreAsync<T>(string store, Func<string?, Task<T>> run)
{
    string? neo4jUri = null;
    if (store == "neo4j")
    {
        Script("stop");
        neo4jUri = Script("start").Split('\n').Select(l => l.Trim()).Last(l => l.StartsWith("NEO4J_URI=", StringComparison.Ordinal))["NEO4J_URI=".Length..];
    }
    try
    {
        return await run(neo4jUri);
    }
    finally
    {
        if (store == "neo4j") Script("stop");
    }
}

static string FindRepo()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Lineage.slnx"))) return dir.FullName;
    throw new InvalidOperationException("run from inside the repository");
}

string Script(string verb)
{
    var info = new ProcessStartInfo("bash", [Path.Combine(repo, "scripts", "neo4j-test-server.sh"), verb]) { RedirectStandardOutput = true };
    using var process = Process.Start(info)!;
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0 && verb == "start") throw new InvalidOperationException("the Neo4j test server did not start");
    return output;
}

static string Machine()
{
    var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
    var memory = File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
    return $"{Environment.ProcessorCount} cores ({cpu}), {long.Parse(memory) / 1048576.0:0} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, Neo4j 3.1.1 (test server)";
}

static string Notes(string repo, string file)
{
    var path = Path.Combine(repo, "bench", file);
    return File.Exists(path) ? Environment.NewLine + File.ReadAllText(path) : "";
}
