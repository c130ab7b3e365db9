using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Lineage.Api.Tests.Explorer.ExplorerHost;
using static Microsoft.Playwright.Assertions;

namespace Lineage.Api.Tests.Explorer;

/// <summary>Columns in the explorer, on the column estate the host loads (<see cref="ExplorerHost"/>'s Columns part).</summary>
public abstract partial class ExplorerTests
{
    private static readonly string CountryCode = Column(Orders, "country_code");
    private static readonly string CustomerCountry = Column(OrdersRaw, "customer_country");

    [Fact]
    public async Task a_datasets_page_lists_its_columns_and_a_columns_page_names_its_dataset_and_field_and_links_back()
    {
        var page = await OpenAsync($"/#/entity/{Uri.EscapeDataString(Orders)}");
        var columns = page.GetByTestId("section-columns").GetByTestId("dataset-column");
        await Expect(columns).ToHaveCountAsync(3);
        (await UrnsOf(columns)).ShouldBe([Column(Orders, "order_id"), CountryCode, Column(Orders, "amount_usd")]);
        await Expect(page.GetByTestId("section-columns")).ToContainTextAsync("char(2)");

        await columns.Nth(1).ClickAsync();
        await Expect(page.GetByTestId("entity-name")).ToHaveTextAsync("country_code");
        await Expect(page.GetByTestId("entity-type")).ToContainTextAsync("Column");
        await Expect(page.GetByTestId("column-dataset")).ToHaveTextAsync("orders");
        await Expect(page.GetByTestId("field-type")).ToHaveTextAsync("char(2)");
        var upstream = page.GetByTestId("section-upstream").GetByTestId("column-neighbour");
        await Expect(upstream).ToHaveCountAsync(1);
        (await UrnsOf(upstream)).ShouldBe([CustomerCountry]);
        await Expect(upstream).ToContainTextAsync("UPPER");
        await Expect(upstream).ToContainTextAsync("0.9");
        var downstream = page.GetByTestId("section-downstream").GetByTestId("column-neighbour");
        await Expect(downstream).ToHaveCountAsync(3);
        (await UrnsOf(downstream)).ShouldBe([CountryReport, CountryFeature, Column(OrdersByCountry, "country")], ignoreOrder: true);
        await Screenshot(page, "entity-column");

        await page.GetByTestId("column-dataset").ClickAsync();
        await Expect(page.GetByTestId("entity-name")).ToHaveTextAsync("orders");
        await Expect(page.GetByTestId("section-columns").GetByTestId("dataset-column")).ToHaveCountAsync(3);
        await Screenshot(page, "entity-dataset-columns");
    }

    [Fact]
    public async Task a_dataset_in_the_lineage_view_shows_its_columns_inside_it_and_their_edges_to_what_is_drawn()
    {
        var page = await OpenAsync($"/#/lineage/{Uri.EscapeDataString(Orders)}?hops=1&dir=both");
        await WaitForDrawAsync(page);
        (await NodeIds(page)).ShouldNotContain(CountryCode);

        await ShowColumnsAsync(page, Orders);
        await EventuallyAsync(async () => (await NodeIds(page)).Contains(CountryCode));
        (await ParentOf(page, CountryCode)).ShouldBe(Orders);
        (await ParentOf(page, Column(Orders, "amount_usd"))).ShouldBe(Orders);
        await Expect(page).ToHaveURLAsync(new Regex("columns="));
        // The feature built from orders.country_code is drawn (one hop downstream of orders): the column joins it.
        (await EdgeOf(page, CountryCode, CountryFeature)).GetProperty("relationship").GetString().ShouldBe("DerivedFrom");

        await ShowColumnsAsync(page, OrdersRaw);
        await EventuallyAsync(async () => (await NodeIds(page)).Contains(CustomerCountry));
        (await ParentOf(page, CustomerCountry)).ShouldBe(OrdersRaw);
        var edge = await EdgeOf(page, CustomerCountry, CountryCode);
        edge.GetProperty("label").GetString().ShouldBe("UPPER · 0.9");
        edge.GetProperty("relationship").GetString().ShouldBe("DownstreamOf");
        await Screenshot(page, "lineage-dataset-columns");
    }

    [Fact]
    public async Task a_columns_lineage_draws_the_columns_it_comes_from_and_feeds_and_the_feature_and_model_built_from_it()
    {
        var page = await OpenAsync($"/#/lineage/{Uri.EscapeDataString(CountryCode)}?hops=2&dir=both");
        await WaitForDrawAsync(page);
        await Expect(page.GetByTestId("lineage-title")).ToContainTextAsync("orders.country_code");
        var nodes = await NodeIds(page);
        nodes.ShouldContain(CustomerCountry);
        nodes.ShouldContain(Column(OrdersByCountry, "country"));
        nodes.ShouldContain(CountryFeature);
        nodes.ShouldContain(FraudModel);
        // By column: orders_raw's other columns do not name country_code, and nothing rolls up to a dataset node.
        nodes.ShouldNotContain(Column(OrdersRaw, "amount"));
        (await ParentOf(page, CustomerCountry)).ShouldBe(OrdersRaw);
        (await page.EvaluateAsync<string>("id => window.lineageGraph.getElementById(id).data('kind')", OrdersRaw)).ShouldBe("group");

        var upstream = await EdgeOf(page, CustomerCountry, CountryCode);
        upstream.GetProperty("transformOperation").GetString().ShouldBe("UPPER");
        upstream.GetProperty("confidenceScore").GetDouble().ShouldBe(0.9);
        (await EdgeOf(page, CountryCode, CountryFeature)).GetProperty("relationship").GetString().ShouldBe("DerivedFrom");
        (await EdgeOf(page, CountryFeature, FraudModel)).GetProperty("relationship").GetString().ShouldBe("Consumes");
        var root = await PositionOf(page, CountryCode);
        (await PositionOf(page, CustomerCountry)).X.ShouldBeLessThan(root.X);
        (await PositionOf(page, CountryFeature)).X.ShouldBeGreaterThan(root.X);

        // The edge's mapping is in its tooltip and, on a click, beside the graph.
        await ClickEdgeAsync(page, CustomerCountry, CountryCode);
        await Expect(page.GetByTestId("edge-transform")).ToHaveTextAsync("UPPER");
        await Expect(page.GetByTestId("edge-confidence")).ToHaveTextAsync("0.9");
        await Expect(page.GetByTestId("lineage-graph")).ToHaveAttributeAsync("title", new Regex("confidence: 0.9"));
    }

    [Fact]
    public async Task a_shared_column_view_draws_the_named_datasets_with_all_their_columns_and_mappings()
    {
        var columns = string.Join(',', new[] { OrdersRaw, Orders }.Select(Uri.EscapeDataString));
        var page = await OpenAsync($"/#/lineage/{Uri.EscapeDataString(CountryCode)}?hops=2&dir=both&columns={columns}");
        await WaitForDrawAsync(page);
        var nodes = await NodeIds(page);
        nodes.ShouldContain(Column(OrdersRaw, "amount"));
        nodes.ShouldContain(Column(Orders, "amount_usd"));
        (await EdgeOf(page, Column(OrdersRaw, "amount"), Column(Orders, "amount_usd"))).GetProperty("label").GetString()
            .ShouldBe("CONVERT_CURRENCY · 0.75");
        (await EdgeOf(page, Column(OrdersRaw, "order_id"), Column(Orders, "order_id"))).GetProperty("label").GetString().ShouldBe("IDENTITY");
        await Screenshot(page, "lineage-columns");
    }

    [Fact]
    public async Task the_impact_of_a_column_lists_the_feature_and_model_it_reaches_and_the_models_owner()
    {
        var page = await OpenAsync($"/#/impact/{Uri.EscapeDataString(CountryCode)}");
        var rows = page.GetByTestId("impact-row");
        await Expect(rows.First).ToBeVisibleAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("orders.country_code");
        var listed = await UrnsOf(rows);
        listed.ShouldContain(CountryFeature);
        listed.ShouldContain(FraudModel);
        listed.ShouldContain(Column(OrdersByCountry, "country"));
        listed.ShouldNotContain(Orders);
        var model = page.Locator($"[data-testid=impact-row][data-urn='{FraudModel}']");
        await Expect(model).ToContainTextAsync("fraud-model");
        await Expect(model).ToContainTextAsync("ada");
        await Expect(page.Locator($"[data-testid=impact-owner][data-urn='{Ada}']")).ToContainTextAsync("fraud-model");
        await Screenshot(page, "impact-column");
    }

    /// <summary>Selects a dataset's node and presses "Show its columns" beside the graph.</summary>
    private static async Task ShowColumnsAsync(IPage page, string dataset)
    {
        await ClickDrawnNodeAsync(page, dataset);
        var button = page.GetByTestId("lineage-columns");
        await Expect(button).ToHaveTextAsync("Show its columns");
        await button.ClickAsync();
        await Expect(button).ToHaveTextAsync("Hide its columns");
    }

    /// <summary>
    /// A real mouse click on a node of the fitted graph, where it is drawn. Unlike ClickNodeAsync it does not centre
    /// the node first: a small graph is all in view, and on a busy machine cy.center took 25 to 110 s here.
    /// </summary>
    private static async Task ClickDrawnNodeAsync(IPage page, string id)
    {
        var box = (await page.GetByTestId("lineage-graph").BoundingBoxAsync())!;
        var (x, y) = await PositionOf(page, id);
        await page.Mouse.ClickAsync((float)(box.X + x), (float)(box.Y + y));
    }

    private static async Task<string?> ParentOf(IPage page, string id) =>
        await page.EvaluateAsync<string?>("id => window.lineageGraph.getElementById(id).data('parent') ?? null", id);

    /// <summary>The drawn edge from upstream to downstream, as its data; fails when there is none.</summary>
    private static async Task<JsonElement> EdgeOf(IPage page, string upstream, string downstream)
    {
        var edge = await page.EvaluateAsync<JsonElement>(
            "([up, down]) => window.lineageGraph.edges().filter(e => e.source().id() === up && e.target().id() === down).map(e => e.data())",
            new[] { upstream, downstream });
        edge.GetArrayLength().ShouldBe(1, $"one edge {upstream} → {downstream}");
        return edge[0];
    }

    /// <summary>A real mouse move and click on the middle of an edge.</summary>
    private static async Task ClickEdgeAsync(IPage page, string upstream, string downstream)
    {
        var box = (await page.GetByTestId("lineage-graph").BoundingBoxAsync())!;
        var at = await page.EvaluateAsync<JsonElement>(
            "([up, down]) => window.lineageGraph.edges().filter(e => e.source().id() === up && e.target().id() === down)[0].renderedMidpoint()",
            new[] { upstream, downstream });
        var (x, y) = ((float)(box.X + at.GetProperty("x").GetDouble()), (float)(box.Y + at.GetProperty("y").GetDouble()));
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.ClickAsync(x, y);
    }
}
