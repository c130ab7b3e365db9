using System.Diagnostics;
using System.Text.Json;
using Lineage.Bench;

// dotnet run -c Release --project bench/Lineage.Bench -- --size S|M|L [--store embedded|neo4j|both] [--columns N]
//   --columns N: the column-lineage run instead (N columns per dataset, against the same estate without columns)
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
// The bench's Neo4j is a named instance of the test server script, so that its stop and start never touch the
// shared test server other work may be using.
if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NEO4J_INSTANCE"))) Environment.SetEnvironmentVariable("NEO4J_INSTANCE", "bench");

var measuring = !args.Contains("--report-only") && !args.Contains("--draw");
if (measuring) Console.WriteLine($"Generating estate {size} ({entities:N0} entities, seed 42{(columns > 0 ? $", and again with {columns} columns per dataset" : "")})");
var estate = measuring ? new EstateGenerator(entities).Generate() : null;
var withColumns = measuring && columns > 0 ? new EstateGenerator(entities, columns: columns).Generate() : null;
if (withColumns?.Columns is { } facts)
    Console.WriteLine($"  {withColumns.Proposals.Count:N0} aspects ({estate!.Proposals.Count:N0} without columns), {facts.Columns:N0} columns, "
        + $"{facts.ColumnEdges:N0} column edges, {facts.ColumnSourcedFeatures:N0} features built from a column");
var json = new JsonSerializerOptions { WriteIndented = true };
// --report-only rewrites BENCHMARKS.md from the saved results without running anything.
foreach (var store in measuring ? stores : [])
{
    if (withColumns is not null)
    {
        var load = new List<string> { $"start: {Runner.LoadAverage()}" };
        string? Keep(string label) => Arg("--keep-data") is { } keep ? $"{keep}-{label}" : null;
        var (with, primitives) = await OnFreshStoreAsync(store, uri => new Runner(repo, withColumns, size, store, uri, Keep("columns")).RunColumnsAsync("columns", load));
        var (without, primitivesWithout) = await OnFreshStoreAsync(store, uri => new Runner(repo, estate!, size, store, uri, Keep("without-columns")).RunColumnsAsync("without-columns", load));
        load.Add($"end: {Runner.LoadAverage()}");
        foreach (var (name, times) in primitivesWithout) primitives[$"{name} (without columns)"] = times;
        var run = new ColumnBenchResult(size, store, columns, "dotnet run -c Release --project bench/Lineage.Bench -- " + string.Join(' ', args),
            Machine(), withColumns.Columns!, with, without, load, primitives);
        File.WriteAllText(Path.Combine(resultsFolder, $"{size}-{store}-columns{columns}.json"), JsonSerializer.Serialize(run, json));
        continue;
    }
    var result = await OnFreshStoreAsync(store, uri => new Runner(repo, estate!, size, store, uri, Arg("--keep-data")).RunAsync());
    File.WriteAllText(Path.Combine(resultsFolder, $"{size}-{store}.json"), JsonSerializer.Serialize(result, json));
}

static bool IsColumnRun(string file) => Path.GetFileNameWithoutExtension(file).Contains("-columns", StringComparison.Ordinal);
var all = Directory.GetFiles(resultsFolder, "*.json").Where(f => Path.GetFileName(f) != DrawFile && !IsColumnRun(f))
    .Select(f => JsonSerializer.Deserialize<BenchResult>(File.ReadAllText(f))!).ToList();
var columnRuns = Directory.GetFiles(resultsFolder, "*.json").Where(IsColumnRun)
    .Select(f => JsonSerializer.Deserialize<ColumnBenchResult>(File.ReadAllText(f))!).ToList();
var drawPath = Path.Combine(resultsFolder, DrawFile);
var drawn = File.Exists(drawPath) ? JsonSerializer.Deserialize<DrawResult>(File.ReadAllText(drawPath)) : null;
File.WriteAllText(Path.Combine(repo, "BENCHMARKS.md"), Report.Render(all, drawn, Machine()) + Notes(repo, "NOTES.md") + Report.RenderColumns(columnRuns, Notes(repo, "NOTES-columns.md")));
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
