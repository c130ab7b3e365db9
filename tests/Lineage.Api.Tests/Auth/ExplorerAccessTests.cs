using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Lineage.Api.Tests.Auth;

/// <summary>The explorer page's own files answer without a token (it asks for one once loaded); nothing else opens.</summary>
public sealed class ExplorerAccessTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "lineage-explorer-" + Guid.NewGuid().ToString("N"));
    private readonly WebApplicationFactory<Program> _host;

    public ExplorerAccessTests() => _host = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        b.UseSetting("Lineage:Store", "embedded").UseSetting("Lineage:DataDirectory", _dataDirectory));

    [Fact]
    public async Task the_page_and_its_assets_need_no_token()
    {
        var client = _host.CreateClient();
        var page = await client.GetAsync("/");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await page.Content.ReadAsStringAsync()).ShouldContain("/explorer/app.js");
        (await client.GetAsync("/index.html")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/explorer/app.js")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/explorer/app.css")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // A file the page does not have is a plain 404, not a token prompt.
        (await client.GetAsync("/explorer/missing.js")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task the_api_still_needs_a_token_and_writes_to_page_paths_are_not_open()
    {
        var client = _host.CreateClient();
        (await client.GetAsync("/api/v1/search?q=*")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        // No endpoint takes a write there: a JSON 404, and nothing the page serves changes.
        foreach (var path in new[] { "/", "/explorer/app.js" })
        {
            var write = await client.PostAsync(path, new StringContent("{}"));
            write.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            write.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        }
        (await client.GetAsync("/explorer/app.js")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    public void Dispose()
    {
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
