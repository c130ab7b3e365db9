using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lineage.Api.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lineage.Api.Tests.Explorer;

/// <summary>
/// The explorer in a real browser (Debian's Chromium), on the tutorial's estate: what a person sees and can do.
/// Each test opens its own browser session, so each one meets the token prompt first, as a new visitor does.
/// </summary>
public abstract partial class ExplorerTests(ExplorerHost host)
{
    private const string Model = "urn:li:mlModel:(urn:li:dataPlatform:science,my-model,PROD)";
    private const string OldModel = "urn:li:mlModel:(urn:li:dataPlatform:science,my-model-v0,PROD)";
    private const string Group = "urn:li:mlModelGroup:(urn:li:dataPlatform:science,my-model-group,PROD)";
    private const string Users = "urn:li:dataset:(urn:li:dataPlatform:hive,users,PROD)";
    private const string Table = "urn:li:mlFeatureTable:(urn:li:dataPlatform:feast,users_feature_table)";
    private const string Key = "urn:li:mlPrimaryKey:(users_feature_table,user_id)";
    private const string ScoreJob = "urn:li:dataJob:(urn:li:dataFlow:(airflow,recommendations,PROD),score_users)";
    private const string Jdoe = "urn:li:corpuser:jdoe";
    private static string Feature(string name) => $"urn:li:mlFeature:(users_feature_table,{name})";

    [Fact]
    public async Task the_page_is_served_at_the_root_without_a_token_and_asks_for_one_before_reading()
    {
        var page = await host.NewPageAsync();
        var response = await page.GotoAsync("/");
        response!.Status.ShouldBe(200);
        await Expect(page.GetByTestId("search-input")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("token-dialog")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task a_wrong_token_is_refused_and_the_prompt_stays_until_a_good_one_is_given()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByTestId("token-input").FillAsync("lin_0000000000000000_not-a-token");
        await page.GetByTestId("token-submit").ClickAsync();
        await Expect(page.GetByTestId("token-error")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("token-dialog")).ToBeVisibleAsync();

        await page.GetByTestId("token-input").FillAsync(host.Token);
        await page.GetByTestId("token-submit").ClickAsync();
        await Expect(page.GetByTestId("token-dialog")).ToBeHiddenAsync();

        // The token is kept for the browser session: another page of the same session does not ask again.
        await page.GotoAsync($"/#/entity/{Uri.EscapeDataString(Model)}");
        await Expect(page.GetByTestId("entity-name")).ToHaveTextAsync("my-model");
        await Expect(page.GetByTestId("token-dialog")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task typing_my_mo_suggests_the_model_and_the_group_highlighted_and_the_keyboard_opens_one()
    {
        var page = await OpenAsync("/");
        await page.GetByTestId("search-input").PressSequentiallyAsync("my-mo");
        var items = page.GetByTestId("autocomplete-item");
        await Expect(items.First).ToBeVisibleAsync();
        // Every keystroke asks again, and the answer to an earlier prefix may still replace the list.
        await EventuallyAsync(async () => await UrnsOf(items) is var urns && urns.Contains(Model) && urns.Contains(Group));
        // The typed text is highlighted where it matched, whether the page marks it in one piece or word by word.
        string.Concat(await items.First.Locator("mark").AllInnerTextsAsync()).ToLowerInvariant().ShouldBe("my-mo");
        await Screenshot(page, "autocomplete");

        await page.GetByTestId("search-input").PressAsync("ArrowDown");
        await Expect(items.First).ToHaveAttributeAsync("aria-selected", "true");
        var chosen = await items.First.GetAttributeAsync("data-urn");
        await page.GetByTestId("search-input").PressAsync("Enter");
        await Expect(page.GetByTestId("entity-name")).ToBeVisibleAsync();
        Uri.UnescapeDataString(page.Url).ShouldEndWith("#/entity/" + chosen);
    }

    [Fact]
    public async Task typing_in_the_header_while_the_home_page_loads_keeps_the_focus_there()
    {
        var page = await host.NewPageAsync();
        // The home page's counts arrive late, as on a slow link; the header's box is there before them.
        await page.RouteAsync(new Regex(@"/api/v1/search\?"), async route =>
        {
            await Task.Delay(1500);
            await route.ContinueAsync();
        });
        await page.GotoAsync("/");
        await page.GetByTestId("token-input").FillAsync(host.Token);
        await page.GetByTestId("token-submit").ClickAsync();
        await Expect(page.GetByTestId("token-dialog")).ToBeHiddenAsync();

        await page.GetByTestId("search-input").PressSequentiallyAsync("my-mo");
        await Expect(page.GetByTestId("type-count").First).ToBeVisibleAsync();

        await Expect(page.GetByTestId("search-input")).ToBeFocusedAsync();
        await Expect(page.GetByTestId("search-input")).ToHaveValueAsync("my-mo");
    }

    [Fact]
    public async Task the_results_page_filters_by_a_clicked_facet_and_pages()
    {
        var total = (await host.Service.Http.GetFromJsonAsync<JsonElement>("/api/v1/search?q=clicks&count=0")).GetProperty("total").GetInt32();
        total.ShouldBeGreaterThanOrEqualTo(ExplorerHost.WideFanOut);
        var page = await OpenAsync("/#/search?q=clicks");
        await Expect(page.GetByTestId("search-total")).ToContainTextAsync(total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("search-result").First).ToBeVisibleAsync();
        var firstPage = await UrnsOf(page.GetByTestId("search-result"));
        await page.GetByTestId("pager-next").ClickAsync();
        await Expect(page.GetByTestId("search-result").First).Not.ToHaveAttributeAsync("data-urn", firstPage[0]);
        (await UrnsOf(page.GetByTestId("search-result"))).ShouldNotContain(firstPage[0]);

        await page.GotoAsync("/#/search?q=my-model");
        var mlModel = page.Locator("[data-testid=facet-group][data-facet=type] [data-testid=facet-value][data-value=mlModel]");
        await mlModel.ClickAsync();
        await Expect(mlModel).ToHaveAttributeAsync("aria-pressed", "true");
        // On Neo4j the store is shared with the other test classes, whose models may match too: compare with the API.
        var models = (await host.Service.Http.GetFromJsonAsync<JsonElement>("/api/v1/search?q=my-model&types=mlModel&count=100"))
            .GetProperty("results").EnumerateArray().Select(r => r.GetProperty("urn").GetString()!).ToList();
        models.ShouldContain(Model);
        models.ShouldContain(OldModel);
        await Expect(page.GetByTestId("search-result")).ToHaveCountAsync(Math.Min(models.Count, 20));
        (await UrnsOf(page.GetByTestId("search-result"))).ShouldBeSubsetOf(models);
        await Screenshot(page, "search-results");
    }

    [Fact]
    public async Task a_models_page_shows_its_features_group_metrics_and_the_edited_description()
    {
        var page = await OpenAsync($"/#/entity/{Uri.EscapeDataString(Model)}");
        await Expect(page.GetByTestId("entity-name")).ToHaveTextAsync("my-model");
        await Expect(page.GetByTestId("entity-description")).ToContainTextAsync("retrained nightly");
        await Expect(page.GetByTestId("section-features").Locator("a[data-urn]")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("section-groups").Locator("a[data-urn]")).ToHaveCountAsync(1);
        (await UrnsOf(page.GetByTestId("section-features").Locator("a[data-urn]")))
            .ShouldBe([Feature("user_age"), Feature("user_signup_date"), Feature("user_country")], ignoreOrder: true);
        (await UrnsOf(page.GetByTestId("section-groups").Locator("a[data-urn]"))).ShouldBe([Group]);
        await Expect(page.GetByTestId("section-metrics")).ToContainTextAsync("accuracy");
        await Expect(page.GetByTestId("section-hyperparams")).ToContainTextAsync("learning_rate");
        await Expect(page.GetByTestId("section-owners")).ToContainTextAsync("jdoe");
        await Expect(page.GetByTestId("section-history")).ToContainTextAsync("mlModelProperties");
        await Screenshot(page, "entity-model");
    }

    [Fact]
    public async Task a_runs_page_shows_its_state_metrics_parameters_experiment_and_what_it_read_and_wrote()
    {
        var page = await OpenAsync($"/#/entity/{Uri.EscapeDataString(ExplorerHost.TrainingRun)}");
        await Expect(page.GetByTestId("entity-name")).ToHaveTextAsync("churn-training-run-1");
        await Expect(page.GetByTestId("entity-type")).ToContainTextAsync("Run");
        await Expect(page.GetByTestId("run-state")).ToContainTextAsync("complete · success · 42.0 s");
        await Expect(page.GetByTestId("run-experiment").Locator($"a[data-urn='{ExplorerHost.Experiment}']")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("section-run-metrics")).ToContainTextAsync("auc");
        await Expect(page.GetByTestId("section-run-metrics")).ToContainTextAsync("0.91");
        await Expect(page.GetByTestId("section-run-params")).ToContainTextAsync("learning_rate");
        (await UrnsOf(page.GetByTestId("section-run-inputs").Locator("a[data-urn]"))).ShouldBe([Users]);
        (await UrnsOf(page.GetByTestId("section-run-outputs").Locator("a[data-urn]"))).ShouldBe([Model]);
        await Screenshot(page, "entity-run");
    }

    [Fact]
    public async Task a_group_lists_its_models_a_table_its_features_and_keys_and_a_deprecated_model_its_note()
    {
        var page = await OpenAsync($"/#/entity/{Uri.EscapeDataString(Group)}");
        await Expect(page.GetByTestId("section-models").Locator($"a[data-urn='{Model}']")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("section-models").Locator($"a[data-urn='{OldModel}']")).ToHaveCountAsync(1);

        await page.GotoAsync($"/#/entity/{Uri.EscapeDataString(Table)}");
        await Expect(page.GetByTestId("section-keys").Locator("a[data-urn]")).ToHaveCountAsync(1);
        (await UrnsOf(page.GetByTestId("section-keys").Locator("a[data-urn]"))).ShouldBe([Key]);
        await Expect(page.GetByTestId("section-features").Locator("a[data-urn]")).ToHaveCountAsync(3);

        await page.GotoAsync($"/#/entity/{Uri.EscapeDataString(OldModel)}");
        await Expect(page.GetByTestId("section-deprecation")).ToContainTextAsync("Replaced by my-model");
    }

    [Fact]
    public async Task the_models_lineage_shows_the_dataset_upstream_on_the_left_and_the_job_downstream_on_the_right()
    {
        var page = await OpenAsync($"/#/lineage/{Uri.EscapeDataString(Model)}?hops=2&dir=both");
        await WaitForDrawAsync(page);
        var nodes = await NodeIds(page);
        nodes.ShouldContain(Users);
        nodes.ShouldContain(ScoreJob);
        var model = await PositionOf(page, Model);
        (await PositionOf(page, Users)).X.ShouldBeLessThan(model.X);
        (await PositionOf(page, ScoreJob)).X.ShouldBeGreaterThan(model.X);
        await Screenshot(page, "lineage-view");
    }

    [Fact]
    public async Task the_models_upstream_reaches_its_training_run_and_the_dataset_the_run_read()
    {
        var page = await OpenAsync($"/#/lineage/{Uri.EscapeDataString(Model)}?hops=2&dir=up");
        await WaitForDrawAsync(page);
        var nodes = await NodeIds(page);
        nodes.ShouldContain(ExplorerHost.TrainingRun);
        nodes.ShouldContain(Users);
        var (model, run, users) = (await PositionOf(page, Model), await PositionOf(page, ExplorerHost.TrainingRun), await PositionOf(page, Users));
        run.X.ShouldBeLessThan(model.X);
        users.X.ShouldBeLessThan(run.X);
        (await page.EvaluateAsync<string>("id => window.lineageGraph.getElementById(id).data('entityType')", ExplorerHost.TrainingRun))
            .ShouldBe("dataProcessInstance");
        await Screenshot(page, "lineage-model-run");
    }

    [Fact]
    public async Task clicking_a_node_adds_its_neighbours_and_the_url_keeps_the_view()
    {
        var page = await OpenAsync($"/#/lineage/{Uri.EscapeDataString(Model)}?hops=1&dir=both");
        await WaitForDrawAsync(page);
        (await NodeIds(page)).ShouldNotContain(Users);

        await ClickNodeAsync(page, Feature("user_age"));
        await EventuallyAsync(async () => (await NodeIds(page)).Contains(Users));
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("expand="));

        // The shared URL shows the same view: the expanded node's neighbours are there on a fresh load.
        var shared = page.Url;
        var again = await OpenAsync(shared);
        await WaitForDrawAsync(again);
        (await NodeIds(again)).ShouldContain(Users);
    }

    [Fact]
    public async Task the_time_control_draws_the_lineage_as_it_stood_then_and_now_brings_the_present_back()
    {
        // A feature table built from one source in January and rebuilt from another in June, imported with those times.
        var run = Guid.NewGuid().ToString("N")[..8];
        string Dataset(string name) => $"urn:li:dataset:(urn:li:dataPlatform:hive,{run}_{name},PROD)";
        JsonObject Version(int version, string upstream, string time) => new()
        {
            ["entityUrn"] = Dataset("features"), ["changeType"] = "UPSERT", ["aspectName"] = "upstreamLineage",
            ["aspect"] = new JsonObject
            {
                ["json"] = new JsonObject { ["upstreams"] = new JsonArray(new JsonObject { ["dataset"] = Dataset(upstream), ["type"] = "TRANSFORMED" }) },
            },
            ["systemMetadata"] = new JsonObject
            {
                ["version"] = $"{version}",
                ["aspectModified"] = new JsonObject { ["time"] = DateTimeOffset.Parse(time).ToUnixTimeMilliseconds(), ["actor"] = "urn:li:corpuser:alice" },
            },
        };
        (await host.Service.Http.PostAsJsonAsync("/api/v1/import", new JsonObject
        {
            ["entries"] = new JsonArray(Version(1, "raw", "2024-01-15T09:00:00Z"), Version(2, "clean", "2024-06-15T09:00:00Z")),
        })).EnsureSuccessStatusCode();

        var page = await OpenAsync($"/#/lineage/{Uri.EscapeDataString(Dataset("features"))}?hops=1&dir=up");
        await WaitForDrawAsync(page);
        (await NodeIds(page)).ShouldContain(Dataset("clean"));

        await page.GetByTestId("lineage-as-of").FillAsync("2024-03-01T12:00");
        await EventuallyAsync(async () => (await NodeIds(page)).Contains(Dataset("raw")));
        await WaitForDrawAsync(page);
        (await NodeIds(page)).ShouldNotContain(Dataset("clean"));
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("asOf=1709294400000"));
        await Expect(page.GetByTestId("lineage-status")).ToContainTextAsync("as of");
        await Screenshot(page, "lineage-as-of");

        await page.GetByTestId("lineage-now").ClickAsync();
        await EventuallyAsync(async () => (await NodeIds(page)).Contains(Dataset("clean")));
        (await NodeIds(page)).ShouldNotContain(Dataset("raw"));
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("asOf="));
    }

    [Fact]
    public async Task a_node_with_200_downstream_entities_shows_twenty_and_a_more_node_that_filters_and_expands()
    {
        var page = await OpenAsync($"/#/lineage/{Uri.EscapeDataString(ExplorerHost.WideHub)}?hops=1&dir=down");
        await WaitForDrawAsync(page);
        var kinds = await page.EvaluateAsync<string[]>("() => window.lineageGraph.nodes().map(n => n.data('kind'))");
        kinds.Count(k => k == "entity").ShouldBe(21);
        kinds.Count(k => k == "more").ShouldBe(1);
        var more = $"more:down:{ExplorerHost.WideHub}";
        (await page.EvaluateAsync<string>("id => window.lineageGraph.getElementById(id).data('label')", more)).ShouldBe("+180 more");
        await Screenshot(page, "lineage-wide");

        await ClickNodeAsync(page, more);
        await Expect(page.GetByTestId("more-panel")).ToBeVisibleAsync();
        await page.GetByTestId("more-filter").FillAsync("clicks_19");
        await EventuallyAsync(async () => (await NodeIds(page)).Contains("urn:li:dataset:(urn:li:dataPlatform:hive,clicks_199,PROD)"));

        await page.GetByTestId("more-show-all").ClickAsync();
        await EventuallyAsync(async () => (await page.EvaluateAsync<string[]>("() => window.lineageGraph.nodes().map(n => n.data('kind'))"))
            .Count(k => k == "entity") == ExplorerHost.WideFanOut + 1);
    }

    [Fact]
    public async Task the_impact_of_the_dataset_lists_the_model_and_its_owner_and_the_csv_holds_the_same_rows()
    {
        var page = await OpenAsync($"/#/impact/{Uri.EscapeDataString(Users)}");
        var rows = page.GetByTestId("impact-row");
        await Expect(rows.First).ToBeVisibleAsync();
        var total = (await host.Service.Http.GetFromJsonAsync<JsonElement>($"/api/v1/impact?urn={Uri.EscapeDataString(Users)}")).GetProperty("total").GetInt32();
        await Expect(rows).ToHaveCountAsync(total);
        var listed = await UrnsOf(rows);
        listed.ShouldContain(Model);
        listed.ShouldContain(ScoreJob);
        listed.ShouldContain(Table);
        var owner = page.Locator($"[data-testid=impact-owner][data-urn='{Jdoe}']");
        await Expect(owner).ToContainTextAsync("my-model");
        await Screenshot(page, "impact-view");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("impact-csv").ClickAsync());
        var csv = Csv.Parse(await File.ReadAllTextAsync((await download.PathAsync())!));
        var header = csv[0];
        header.ShouldContain("urn");
        var urnColumn = Array.IndexOf(header, "urn");
        csv.Skip(1).Select(r => r[urnColumn]).ShouldBe(listed, ignoreOrder: true);
        var model = csv.Single(r => r[urnColumn] == Model);
        model[Array.IndexOf(header, "owners")].ShouldContain(Jdoe);
        model[Array.IndexOf(header, "degree")].ShouldBe("2");
    }

    /// <summary>A new browser session on the path, past the token prompt.</summary>
    private async Task<IPage> OpenAsync(string path)
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync(path);
        await page.GetByTestId("token-input").FillAsync(host.Token);
        await page.GetByTestId("token-submit").ClickAsync();
        await Expect(page.GetByTestId("token-dialog")).ToBeHiddenAsync();
        return page;
    }

    private static async Task WaitForDrawAsync(IPage page) =>
        await page.WaitForSelectorAsync("body[data-lineage-ready='true']", new PageWaitForSelectorOptions { Timeout = 30_000 });

    private static async Task<List<string>> NodeIds(IPage page) =>
        [.. await page.EvaluateAsync<string[]>("() => window.lineageGraph.nodes().map(n => n.id())")];

    private static async Task<(double X, double Y)> PositionOf(IPage page, string id)
    {
        var position = await page.EvaluateAsync<JsonElement>("id => window.lineageGraph.getElementById(id).renderedPosition()", id);
        return (position.GetProperty("x").GetDouble(), position.GetProperty("y").GetDouble());
    }

    /// <summary>A real mouse click where the node is drawn on the canvas, as a person clicks it.</summary>
    private static async Task ClickNodeAsync(IPage page, string id)
    {
        await page.EvaluateAsync("id => window.lineageGraph.center(window.lineageGraph.getElementById(id))", id);
        var box = (await page.GetByTestId("lineage-graph").BoundingBoxAsync())!;
        var (x, y) = await PositionOf(page, id);
        await page.Mouse.ClickAsync((float)(box.X + x), (float)(box.Y + y));
    }

    /// <summary>The urns the list shows, read in one go: a list the page re-renders between two reads is not mixed.</summary>
    private static async Task<List<string>> UrnsOf(ILocator items) =>
        [.. await items.EvaluateAllAsync<string[]>("items => items.map(item => item.getAttribute('data-urn'))")];

    private async Task Screenshot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ExplorerHost.ScreenshotFolder, $"{host.Store}-{name}.png") });

    /// <summary>Waits for what the page does after a click, which no single element announces.</summary>
    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        for (var clock = System.Diagnostics.Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(10); await Task.Delay(100))
            if (await condition()) return;
        (await condition()).ShouldBeTrue("the page did not get there within 10 s");
    }
}

[Collection("explorer-sqlite")]
public sealed class sqlite_explorer(SqliteExplorerHost host) : ExplorerTests(host), IClassFixture<SqliteExplorerHost>;

// With the other Neo4j classes, one after another: some of them compare a dump of the whole server.
[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_explorer(Neo4jExplorerHost host) : ExplorerTests(host), IClassFixture<Neo4jExplorerHost>;
