using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;

namespace Lineage.Api.Tests.Startup;

/// <summary>
/// The service as a person starts it, in processes of its own: <c>--help</c>, the plain lines of a good start, and a
/// failed start that says in one line on stderr what is wrong and which setting fixes it, with its documented exit code
/// (README, "Start-up and its errors"), no stack trace, and no wait.
/// </summary>
public sealed class StartupTests : IDisposable
{
    /// <summary>
    /// A failed start must not wait on anything: SQLite's busy timeout and the Neo4j request timeout are 30 s, so a
    /// start that waited on either would take longer than this, however slow the machine.
    /// </summary>
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(25);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "lineage-startup-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task help_prints_the_usage_and_exits_0_without_starting_anything(string help)
    {
        var run = await ServiceRun.RunAsync(help, $"--Lineage:DataDirectory={_dataDirectory}", "--Urls=http://127.0.0.1:1");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Errors.ShouldBeEmpty(run.ToString());
        var usage = string.Join('\n', run.Output);
        foreach (var named in new[]
                 {
                     "--reindex", "--healthcheck", "--help", "Urls", "Lineage:Store", "Lineage:DataDirectory", "Lineage:Neo4j:Uri",
                     "Lineage:Neo4j:User", "Lineage:Neo4j:Password", "Lineage:Auth:Enabled", "appsettings.json", "Lineage__Store=neo4j",
                     "--Lineage:Store=neo4j", "<DataDirectory>/lineage.db", "<DataDirectory>/admin.token", "src/Lineage.Api/data",
                 })
            usage.ShouldContain(named);
        foreach (var code in new[] { "0  stopped", "1  an unexpected", "2  an unknown argument or a bad setting", "3  cannot listen", "4  the data directory",
                     "5  another Lineage process", "6  Neo4j refused" })
            usage.ShouldContain(code);
        usage.ShouldNotContain("Lineage listening");
        Directory.Exists(_dataDirectory).ShouldBeFalse();
    }

    [Fact]
    public async Task a_port_in_use_stops_the_start_with_one_line_naming_Urls()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var run = await ServiceRun.RunAsync($"--Urls=http://127.0.0.1:{port}", $"--Lineage:DataDirectory={_dataDirectory}");

        ShouldFailInOneLine(run, 3, "Urls", $"127.0.0.1:{port}", "in use");
    }

    [Fact]
    public async Task a_data_directory_that_cannot_be_created_stops_the_start_with_one_line_naming_the_setting()
    {
        // A regular file where the directory's parent should be: no user, root included, can create a folder in it.
        Directory.CreateDirectory(_dataDirectory);
        var file = Path.Combine(_dataDirectory, "a-file");
        await File.WriteAllTextAsync(file, "not a folder");
        var below = Path.Combine(file, "data");

        var run = await ServiceRun.RunAsync($"--Urls=http://127.0.0.1:{FreePort()}", $"--Lineage:DataDirectory={below}");

        ShouldFailInOneLine(run, 4, "Lineage:DataDirectory", below, $"{file} is a file");
    }

    [Fact]
    public async Task a_read_only_data_directory_that_holds_data_stops_the_start_at_once_with_one_line_naming_the_setting()
    {
        await using (var first = await ServiceProcess.StartAsync(_dataDirectory))
        {
            await new DataHubWire(first.Http).UpsertAsync("urn:li:mlModel:(urn:li:dataPlatform:science,readonly,PROD)", "mlModelProperties",
                new JsonObject { ["description"] = "written before the folder became read-only" });
            // Killed, as a crash would: the SQLite WAL files and the index's lock file stay, as they would on a real machine.
        }
        File.Exists(Path.Combine(_dataDirectory, "lineage.db")).ShouldBeTrue();

        ServiceRun run;
        using (ReadOnlyFolder.Make(_dataDirectory))
            run = await ServiceRun.RunAsync($"--Urls=http://127.0.0.1:{FreePort()}", $"--Lineage:DataDirectory={_dataDirectory}");

        ShouldFailInOneLine(run, 4, "Lineage:DataDirectory", _dataDirectory, "cannot be written");
    }

    [Fact]
    public async Task a_second_service_on_the_same_data_directory_stops_with_one_line_saying_another_Lineage_process_uses_it()
    {
        await using var first = await ServiceProcess.StartAsync(_dataDirectory);

        var run = await ServiceRun.RunAsync($"--Urls=http://127.0.0.1:{FreePort()}", $"--Lineage:DataDirectory={_dataDirectory}");

        ShouldFailInOneLine(run, 5, "another Lineage process is using the data directory", _dataDirectory, "Lineage:DataDirectory");
        // The first one is untouched.
        (await first.Http.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("--Lineage:Store=mongo", "Lineage:Store must be 'embedded' or 'neo4j'")]
    [InlineData("--Lineage:Auth:Enabled=yes", "'Lineage:Auth:Enabled'")]
    [InlineData("--Lineage:Traversal:MaxHops=0", "Lineage:Traversal hops must be")]
    [InlineData("--Urls=localhost:8080", "Urls")]
    [InlineData("--reindx", "unknown argument '--reindx'")]
    public async Task a_bad_setting_or_argument_stops_the_start_with_one_line_naming_it(string bad, string named)
    {
        var urls = bad.StartsWith("--Urls", StringComparison.Ordinal) ? bad : $"--Urls=http://127.0.0.1:{FreePort()}";

        var run = await ServiceRun.RunAsync(urls, $"--Lineage:DataDirectory={_dataDirectory}", bad);

        ShouldFailInOneLine(run, 2, named);
    }

    [Fact]
    public async Task neo4j_refusing_the_credentials_stops_the_start_with_one_line_naming_the_neo4j_settings()
    {
        var port = FreePort();
        using var refusing = new HttpListener();
        refusing.Prefixes.Add($"http://127.0.0.1:{port}/");
        refusing.Start();
        _ = Task.Run(async () =>
        {
            while (refusing.IsListening)
            {
                try
                {
                    var context = await refusing.GetContextAsync();
                    context.Response.StatusCode = 401;
                    context.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
            }
        });

        var run = await ServiceRun.RunAsync($"--Urls=http://127.0.0.1:{FreePort()}", $"--Lineage:DataDirectory={_dataDirectory}",
            "--Lineage:Store=neo4j", $"--Lineage:Neo4j:Uri=http://127.0.0.1:{port}", "--Lineage:Neo4j:User=neo4j", "--Lineage:Neo4j:Password=wrong");

        ShouldFailInOneLine(run, 6, "refused the credentials", "Lineage:Neo4j:User", "Lineage:Neo4j:Password");
    }

    [Fact]
    public async Task a_started_service_prints_where_it_listens_and_where_the_admin_token_is()
    {
        await using var service = await ServiceProcess.StartAsync(_dataDirectory);

        var listening = $"Lineage listening on {service.Address.ToString().TrimEnd('/')}";
        var token = $"Admin token: {Path.Combine(_dataDirectory, "admin.token")}";
        // Printed just after the start, which /health may answer a moment before.
        for (var tries = 0; tries < 50 && !service.Output.Contains(token); tries++) await Task.Delay(100);
        service.Output.ShouldContain(listening, string.Join('\n', service.Output));
        service.Output.ShouldContain(token, string.Join('\n', service.Output));
    }

    [Fact]
    public async Task the_reindex_switch_leaves_the_setting_after_it_to_configuration()
    {
        // Configuration alone reads "--reindex --Key=value" as the setting "reindex" with the value "--Key=value".
        await using var service = await ServiceProcess.StartAsync(_dataDirectory, "--reindex", "--Lineage:DataHub:ReportedVersion=v9.8.7");

        var config = JsonNode.Parse(await service.Http.GetStringAsync("/config"))!;
        config["versions"]!["acryldata/datahub"]!["version"]!.GetValue<string>().ShouldBe("v9.8.7");
    }

    /// <summary>The exit code, one line on stderr naming each of <paramref name="named"/>, no stack trace anywhere, and no wait.</summary>
    private static void ShouldFailInOneLine(ServiceRun run, int exitCode, params string[] named)
    {
        run.ExitCode.ShouldBe(exitCode, run.ToString());
        run.Errors.Count.ShouldBe(1, run.ToString());
        foreach (var name in named) run.Errors[0].ShouldContain(name, Case.Sensitive, run.ToString());
        run.Output.Concat(run.Errors).ShouldNotContain(line => line.Contains("   at "), run.ToString());
        run.Took.ShouldBeLessThan(Quick, run.ToString());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
