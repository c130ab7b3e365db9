using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Lineage.Bench;

/// <summary>
/// How long the explorer's lineage view takes to draw a graph of about 500 nodes in headless Chromium: from the
/// lineage answer's arrival to the laid-out graph on screen, as the page itself reports it (window.lineageDrawMs).
/// </summary>
internal static class DrawBench
{
    /// <summary>A tree below one dataset: 10 children, 7 grandchildren each, 6 great-grandchildren each: 501 nodes in 3 hops.</summary>
    private static readonly int[] Branching = [10, 7, 6];

    private const string Root = "urn:li:dataset:(urn:li:dataPlatform:hive,draw_root,PROD)";

    public static async Task<DrawResult> RunAsync(string repo, int rounds)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"lineage-bench-draw-{Guid.NewGuid():N}");
        await using var service = await ServiceHost.StartAsync(repo, "embedded", null, dataDirectory, 18081);
        try
        {
            var nodes = await IngestTreeAsync(service);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p : "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync"],
            });
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
            await page.GotoAsync($"{service.Url}/");
            await page.GetByTestId("token-input").FillAsync(service.AdminToken);
            await page.GetByTestId("token-submit").ClickAsync();
            await page.GetByTestId("token-dialog").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden });

            var view = $"{service.Url}/#/lineage/{Uri.EscapeDataString(Root)}?hops=3&dir=down&n=1000";
            var draws = new List<double>();
            var pageLoads = new List<double>();
            for (var i = 0; i <= rounds; i++)
            {
                var clock = Stopwatch.StartNew();
                await page.GotoAsync("about:blank");
                await page.GotoAsync(view);
                try
                {
                    await page.WaitForSelectorAsync("body[data-lineage-ready='true']", new PageWaitForSelectorOptions { Timeout = 60_000, State = WaitForSelectorState.Attached });
                }
                catch (TimeoutException)
                {
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(repo, "bench", "results", "explorer-draw-failed.png") });
                    throw;
                }
                var drawn = await page.EvaluateAsync<double>("window.lineageDrawMs");
                var shown = await page.EvaluateAsync<int>("window.lineageGraph.nodes().length");
                if (shown < nodes) throw new InvalidOperationException($"the view shows {shown} nodes, not {nodes}");
                if (i == 0) continue; // the first round warms the browser's and the service's caches
                draws.Add(drawn);
                pageLoads.Add(clock.Elapsed.TotalMilliseconds);
                Console.WriteLine($"  round {i}: drawn in {drawn:0} ms, page ready in {clock.Elapsed.TotalMilliseconds:0} ms");
            }
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(repo, "bench", "results", "explorer-draw.png") });
            return new DrawResult(nodes, DateTimeOffset.UtcNow, Latency.Of(draws), Latency.Of(pageLoads));
        }
        finally
        {
            await service.DisposeAsync();
            try { Directory.Delete(dataDirectory, true); } catch (IOException) { }
        }
    }

    private static async Task<int> IngestTreeAsync(ServiceHost service)
    {
        using var http = new HttpClient { BaseAddress = new Uri(service.Url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", service.AdminToken);
        var proposals = new List<JsonObject> { Upstream("draw_root", null) };
        var level = new List<string> { "draw_root" };
        foreach (var width in Branching)
        {
            level = level.SelectMany(parent => Enumerable.Range(0, width).Select(i => $"{parent}_{i}")).ToList();
            proposals.AddRange(level.Select(name => Upstream(name, name[..name.LastIndexOf('_')])));
        }
        foreach (var batch in proposals.Chunk(200))
        {
            var body = new JsonObject { ["proposals"] = new JsonArray([.. batch]) }.ToJsonString();
            using var response = await http.PostAsync("/aspects?action=ingestProposalBatch", new StringContent(body, Encoding.UTF8, "application/json"));
            response.EnsureSuccessStatusCode();
        }
        return proposals.Count;
    }

    /// <summary>A dataset with its name and, below the root, its one upstream.</summary>
    private static JsonObject Upstream(string name, string? parent)
    {
        var urn = $"urn:li:dataset:(urn:li:dataPlatform:hive,{name},PROD)";
        var value = parent is null
            ? new JsonObject { ["name"] = name }
            : new JsonObject { ["upstreams"] = new JsonArray(new JsonObject { ["dataset"] = $"urn:li:dataset:(urn:li:dataPlatform:hive,{parent},PROD)", ["type"] = "TRANSFORMED" }) };
        return Proposals.Upsert(urn, parent is null ? "datasetProperties" : "upstreamLineage", value);
    }
}

/// <summary>The explorer's draw time for one graph size, saved as JSON and rendered into BENCHMARKS.md.</summary>
internal sealed record DrawResult(int Nodes, DateTimeOffset RanAt, Latency Draw, Latency PageReady);
