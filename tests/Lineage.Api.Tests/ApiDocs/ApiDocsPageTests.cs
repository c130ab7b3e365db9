using Lineage.Api.Tests.Explorer;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lineage.Api.Tests.ApiDocs;

/// <summary>The /docs page in a real browser (Debian's Chromium): it draws the document's operations from this service alone.</summary>
/// <remarks>The page needs no data, so it runs on the explorer's empty host: the service as a process, and the browser.</remarks>
[Collection("api-docs-page")]
public sealed class ApiDocsPageTests(EmptyExplorerHost host) : IClassFixture<EmptyExplorerHost>
{
    [Fact]
    public async Task the_page_shows_the_operations_without_a_token_and_asks_nothing_of_other_hosts()
    {
        var page = await host.NewPageAsync();
        var requested = new List<string>();
        var errors = new List<string>();
        page.Request += (_, request) => { lock (requested) requested.Add(request.Url); };
        page.Console += (_, message) => { if (message.Type == "error") lock (errors) errors.Add(message.Text); };
        page.PageError += (_, error) => { lock (errors) errors.Add(error); };

        var response = await page.GotoAsync("/docs");
        response!.Status.ShouldBe(200);
        // The groups come from the document; the first is open, the others open when clicked, as a person reads on.
        foreach (var group in new[] { "aspects", "entities", "relationships", "openapi v3", "graphql", "lineage", "search", "admin", "service" })
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = group, Exact = true })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Link, new() { Name = "lineage", Exact = true }).ClickAsync();
        await Expect(page.GetByText("/api/v1/lineage", new() { Exact = true }).First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ExplorerHost.ScreenshotFolder, "api-docs.png"), FullPage = false });

        lock (requested)
        {
            requested.ShouldContain(url => url.EndsWith("/openapi/v1.json", StringComparison.Ordinal));
            var elsewhere = requested.Select(url => new Uri(url))
                .Where(url => url.Scheme is "http" or "https" or "ws" or "wss" && url.Authority != host.Service.Address.Authority);
            elsewhere.ShouldBeEmpty();
        }
        lock (errors) errors.ShouldBeEmpty();
    }
}
