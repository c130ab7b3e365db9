using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Lineage.Api.Tests.Auth;

/// <summary>Tokens, scopes, revocation, expiry and the per-token rate limit, on a host of their own.</summary>
public sealed class AccessControlTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "lineage-auth-" + Guid.NewGuid().ToString("N"));
    private readonly ManualClock _clock = new(DateTimeOffset.Parse("2026-11-23T08:00:00Z"));
    private readonly WebApplicationFactory<Program> _host;

    public AccessControlTests() => _host = Host();

    private WebApplicationFactory<Program> Host(params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Lineage:Store", "embedded").UseSetting("Lineage:DataDirectory", _dataDirectory);
            foreach (var (key, value) in settings) b.UseSetting(key, value);
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock));
        });

    private HttpClient Client(string? token = null)
    {
        var client = _host.CreateClient();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private string Admin => AuthorizedClients.AdminToken(_host.Services);

    private static string Model(string id) => $"urn:li:mlModel:(urn:li:dataPlatform:science,{id},PROD)";

    private static Task<HttpResponseMessage> Ingest(HttpClient client, string id) =>
        new DataHubWire(client).EmitAsync(Model(id), "mlModelProperties", new JsonObject { ["description"] = "x" });

    private static Task<HttpResponseMessage> Read(HttpClient client, string id) =>
        client.GetAsync($"/aspects/{Uri.EscapeDataString(Model(id))}?aspect=mlModelProperties&version=0");

    private async Task<string> CreateToken(string scope, int? days = null)
    {
        var body = new JsonObject { ["name"] = $"{scope} robot", ["scope"] = scope };
        if (days is not null) body["expiresInDays"] = days;
        var response = await Client(Admin).PostAsJsonAsync("/api/v1/admin/tokens", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
    }

    [Fact]
    public void the_first_start_writes_an_admin_token_readable_by_its_owner_only_and_stores_only_its_hash()
    {
        _ = _host.Services;
        var path = Path.Combine(_dataDirectory, "admin.token");
        var token = File.ReadAllText(path);
        token.ShouldStartWith("lin_");
        token.Length.ShouldBeGreaterThan(40);
        if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var secret = token.Split('_', 3)[2];
        File.ReadAllText(Path.Combine(_dataDirectory, "auth.db")).ShouldNotContain(secret);
    }

    [Fact]
    public async Task without_a_valid_token_only_health_and_config_answer()
    {
        (await Client().GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Client().GetAsync("/config")).StatusCode.ShouldBe(HttpStatusCode.OK);

        foreach (var client in new[] { Client(), Client("lin_0123456789abcdef_forged"), Client("not-even-shaped-like-one") })
        {
            var response = await Read(client, "anything");
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
            var error = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            error["status"]!.GetValue<int>().ShouldBe(401);
            error["message"]!.GetValue<string>().ShouldContain("token", Case.Insensitive);
            error["requestId"]!.GetValue<string>().ShouldBe(response.Headers.GetValues("X-Request-Id").Single());
            (await Ingest(client, "forged")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        (await Read(Client(Admin), "forged")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task each_scope_allows_what_it_names_and_no_more()
    {
        var (read, write) = (Client(await CreateToken("read")), Client(await CreateToken("write")));

        (await Ingest(read, "by-read")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Read(read, "by-read")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Ingest(write, "by-write")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Read(read, "by-write")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var forbidden = await write.GetAsync("/api/v1/admin/tokens");
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await forbidden.Content.ReadFromJsonAsync<JsonObject>())!["message"]!.GetValue<string>().ShouldContain("needs admin");
        (await read.PostAsync("/api/v1/admin/reindex", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task a_revoked_token_stops_working_at_once_and_the_list_never_shows_secrets()
    {
        var text = await CreateToken("write");
        (await Ingest(Client(text), "before-revoke")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var admin = Client(Admin);
        var listed = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/admin/tokens"))!["tokens"]!.AsArray();
        listed.Count.ShouldBe(2);
        listed.ShouldAllBe(t => !t!.AsObject().ContainsKey("token") && !t.ToJsonString().Contains(text.Split('_', 3)[2]));
        var id = text.Split('_', 3)[1];
        (await admin.DeleteAsync($"/api/v1/admin/tokens/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Ingest(Client(text), "after-revoke")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var after = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/admin/tokens"))!["tokens"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == id)!;
        after["revoked"]!.GetValue<bool>().ShouldBeTrue();
        after["active"]!.GetValue<bool>().ShouldBeFalse();
        (await admin.DeleteAsync("/api/v1/admin/tokens/ffffffffffffffff")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_token_expires_when_its_days_are_over()
    {
        var client = Client(await CreateToken("read", days: 2));
        (await Read(client, "x")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        _clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromSeconds(1));
        (await Read(client, "x")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task tokens_survive_a_restart()
    {
        var text = await CreateToken("read");
        _host.Dispose();
        using var again = Host();
        var client = again.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", text);
        (await Read(client, "x")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"name": "x", "scope": "root"}""", "scope")]
    [InlineData("""{"name": "x", "scope": "3"}""", "scope")]
    [InlineData("""{"scope": "read"}""", "name")]
    [InlineData("""{"name": "x", "scope": "read", "expiresInDays": 0}""", "expiresInDays")]
    [InlineData("""{"name": "x", "scope": "read", "expiresInDays": "soon"}""", "expiresInDays")]
    public async Task a_bad_token_request_is_a_400_naming_the_field(string body, string path)
    {
        var response = await Client(Admin).PostAsync("/api/v1/admin/tokens", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["path"]!.GetValue<string>().ShouldBe(path);
    }

    [Fact]
    public async Task a_token_over_its_rate_is_told_when_to_come_back()
    {
        _host.Dispose();
        using var limited = Host(("Lineage:Auth:RequestsPerSecond", "1"), ("Lineage:Auth:Burst", "3"));
        var client = limited.CreateAuthorizedClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 6; i++)
        {
            var response = await client.GetAsync("/relationships?direction=INCOMING&urn=urn%3Ali%3Atag%3Ax");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused ??= response;
        }
        statuses.Count(s => s == HttpStatusCode.OK).ShouldBeInRange(3, 4);
        refused.ShouldNotBeNull();
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThanOrEqualTo(1);
        (await refused.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<int>().ShouldBe(429);
        // Another token has a bucket of its own; health is not limited.
        (await limited.CreateClient().GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task with_auth_off_no_token_is_needed()
    {
        _host.Dispose();
        using var open = Host(("Lineage:Auth:Enabled", "false"));
        (await Ingest(open.CreateClient(), "open")).StatusCode.ShouldBe(HttpStatusCode.OK);
        File.Exists(Path.Combine(_dataDirectory, "admin.token")).ShouldBeFalse();
    }

    public void Dispose()
    {
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>A clock the test moves.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
