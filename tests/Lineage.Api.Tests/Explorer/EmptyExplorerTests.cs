using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lineage.Api.Tests.Explorer;

/// <summary>What a new user sees on first opening the page of a service with nothing in it.</summary>
[Collection("explorer-empty")]
public sealed class EmptyExplorerTests(EmptyExplorerHost host) : IClassFixture<EmptyExplorerHost>
{
    [Fact]
    public async Task an_empty_store_says_so_and_tells_how_to_load_the_example_estate()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByTestId("token-input").FillAsync(host.Token);
        await page.GetByTestId("token-submit").ClickAsync();
        await Expect(page.GetByText("--load-example").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ExplorerHost.ScreenshotFolder, "empty-home.png") });
    }
}
