using Lineage.Api.Tests.Support;
using Microsoft.Playwright;

namespace Lineage.Api.Tests.Explorer;

/// <summary>The explorer in a real browser, on the tutorial's estate: what a person sees and can do.</summary>
public abstract class ExplorerTests(ExplorerHost host)
{
    [Fact]
    public async Task the_page_is_served_at_the_root_without_a_token()
    {
        var page = await host.NewPageAsync();
        var response = await page.GotoAsync("/");
        response!.Status.ShouldBe(200);
        await Assertions.Expect(page.GetByTestId("search-input")).ToBeVisibleAsync();
    }
}

[Collection("explorer-sqlite")]
public sealed class sqlite_explorer(SqliteExplorerHost host) : ExplorerTests(host), IClassFixture<SqliteExplorerHost>;

// With the other Neo4j classes, one after another: some of them compare a dump of the whole server.
[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_explorer(Neo4jExplorerHost host) : ExplorerTests(host), IClassFixture<Neo4jExplorerHost>;
