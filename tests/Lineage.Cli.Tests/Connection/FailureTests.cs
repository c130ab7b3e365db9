using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;
using Lineage.Cli.Tests.Support;

namespace Lineage.Cli.Tests.Connection;

/// <summary>Every failure ends with one line on stderr, naming what went wrong, and an exit code of its own.</summary>
public sealed class FailureTests : IAsyncLifetime
{
    private readonly SqliteApiFactory _host = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("lineage-cli-failures-").FullName;

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task an_unreachable_server_is_one_line_and_exit_3()
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string>(), "search", "users", "--server", "http://127.0.0.1:1", "--token", "x");
        result.ExitCode.ShouldBe(3);
        OneLine(result).ShouldStartWith("lineage: cannot reach http://127.0.0.1:1/");
        result.Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_refused_token_is_exit_4_and_says_where_the_token_came_from()
    {
        var unknown = await CliRun.RunAsync(Variables("lin_0000000000000000_nope"), _host.Server.CreateHandler, "search", "users");
        unknown.ExitCode.ShouldBe(4);
        OneLine(unknown).ShouldContain("refused the token from LINEAGE_TOKEN (401)");

        var none = await CliRun.RunAsync(new Dictionary<string, string> { ["LINEAGE_SERVER"] = _host.Server.BaseAddress.ToString() },
            _host.Server.CreateHandler, "search", "users");
        none.ExitCode.ShouldBe(4);
        OneLine(none).ShouldContain("wants a token (401)");
    }

    [Fact]
    public async Task a_token_whose_scope_is_too_small_is_exit_4()
    {
        using var admin = _host.CreateClient();
        var created = await (await admin.PostAsJsonAsync("/api/v1/admin/tokens", new { name = "reader", scope = "read" })).Content.ReadFromJsonAsync<JsonObject>();
        var file = Path.Combine(_folder, "one.json");
        await File.WriteAllTextAsync(file, """[{"entityUrn": "urn:li:dataset:(urn:li:dataPlatform:hive,cli_scope,PROD)", "aspectName": "status", "aspect": {"json": {"removed": false}}}]""");
        var result = await CliRun.RunAsync(Variables(created!["token"]!.GetValue<string>()), _host.Server.CreateHandler, "import", file);
        result.ExitCode.ShouldBe(4);
        OneLine(result).ShouldContain("the token from LINEAGE_TOKEN may not POST");
        OneLine(result).ShouldContain("(403)");
    }

    [Theory]
    [InlineData("[\n  {\"entityUrn\": \"urn:li:corpuser:a\"},\n  {\"entityUrn\": ]\n]", "line 3: entry 1: not valid JSON")]
    [InlineData("{\"entityUrn\": \"urn:li:corpuser:a\"}", "line 1: entry 0: expected a JSON array of entries")]
    [InlineData("[\n  {\"entityUrn\": \"urn:li:corpuser:a\"},\n\n  42\n]", "line 4: entry 1: expected an object")]
    [InlineData("[\n  {\"entityUrn\": \"urn:li:corpuser:a\"}", "line 2: entry 1: the array of entries is not closed")]
    [InlineData("", "line 1: entry 0: the file is empty")]
    public async Task a_malformed_file_is_exit_2_naming_the_line_and_the_entry(string text, string expected)
    {
        var file = Path.Combine(_folder, "bad.json");
        await File.WriteAllTextAsync(file, text);
        var result = await CliRun.RunAsync(_host, "import", file);
        result.ExitCode.ShouldBe(2);
        OneLine(result).ShouldStartWith($"lineage: {file}: {expected}");
    }

    [Fact]
    public async Task an_import_cut_off_by_the_network_says_where_to_resume()
    {
        var file = Path.Combine(_folder, "many.json");
        await File.WriteAllTextAsync(file, new JsonArray([.. Enumerable.Range(0, 500).Select(i => (JsonNode)new JsonObject
        {
            ["entityUrn"] = $"urn:li:dataset:(urn:li:dataPlatform:hive,cli_cut_{i},PROD)", ["aspectName"] = "status",
            ["aspect"] = new JsonObject { ["json"] = new JsonObject { ["removed"] = false } },
        })]).ToJsonString());

        var result = await CliRun.RunAsync(Variables(AuthorizedClients.AdminToken(_host.Services)),
            () => new FailsAfter(1, _host.Server.CreateHandler()), "import", file);

        result.ExitCode.ShouldBe(3);
        OneLine(result).ShouldStartWith("lineage: cannot reach ");
        OneLine(result).ShouldContain($"entries before 400 of {file} are in, resume with: lineage import \"");
        OneLine(result).ShouldEndWith("many.json\" --from 400");
        var resumed = await CliRun.RunAsync(_host, "import", file, "--from", "400");
        resumed.ExitCode.ShouldBe(0, resumed.ToString());
        resumed.Output.ShouldContain("│ 100     │ 100     │ 0         │ 0       │");
    }

    [Fact]
    public async Task bad_arguments_are_exit_2()
    {
        (await CliRun.RunAsync(_host, "import")).ExitCode.ShouldBe(2);
        (await CliRun.RunAsync(_host, "export")).ExitCode.ShouldBe(2);
        (await CliRun.RunAsync(_host, "nonsense")).ExitCode.ShouldBe(2);
        var server = await CliRun.RunAsync(_host, "search", "x", "--server", "localhost:8080");
        server.ExitCode.ShouldBe(2);
        OneLine(server).ShouldBe("lineage: --server 'localhost:8080' is not an http:// or https:// address");
        var missing = await CliRun.RunAsync(_host, "import", Path.Combine(_folder, "absent.json"));
        missing.ExitCode.ShouldBe(2);
        OneLine(missing).ShouldEndWith("absent.json: no such file");
    }

    [Fact]
    public async Task the_local_admin_token_file_is_the_last_resort()
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string> { ["LINEAGE_SERVER"] = _host.Server.BaseAddress.ToString() },
            _host.Server.CreateHandler, "search", "users");
        result.ExitCode.ShouldBe(4, "no variable and no token file in the working directory");
        // The working directory of a run is its own; ServerAddress looks there for data/admin.token.
        var directory = Directory.CreateTempSubdirectory("lineage-cli-token-").FullName;
        Directory.CreateDirectory(Path.Combine(directory, "data"));
        await File.WriteAllTextAsync(Path.Combine(directory, "data", "admin.token"), AuthorizedClients.AdminToken(_host.Services) + "\n");
        var console = new Spectre.Console.Testing.TestConsole();
        var env = new CliEnvironment(console, new StringWriter(),
            name => name == "LINEAGE_SERVER" ? _host.Server.BaseAddress.ToString() : null, directory, _host.Server.CreateHandler);
        (await LineageCommandLine.RunAsync(["search", "users"], env)).ShouldBe(0, console.Output);
        Directory.Delete(directory, recursive: true);
    }

    private Dictionary<string, string> Variables(string token) => new()
    {
        ["LINEAGE_SERVER"] = _host.Server.BaseAddress.ToString(),
        ["LINEAGE_TOKEN"] = token,
    };

    private static string OneLine(CliResult result)
    {
        var lines = result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, result.ToString());
        return lines[0];
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A network that answers <paramref name="requests"/> requests, then is gone.</summary>
    private sealed class FailsAfter(int requests, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _sent;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
            Interlocked.Increment(ref _sent) > requests
                ? throw new HttpRequestException("Connection refused")
                : base.SendAsync(request, ct);
    }
}
