using System.Diagnostics;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;
using Lineage.Graph.Registry;
using Lineage.Graph.Storage.Sqlite;
using Lineage.Graph.Writing;
using Lineage.Search.Index;
using Lineage.Search.Indexing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lineage.Api.Tests.Discovery;

/// <summary>
/// The index across restarts of the service on the embedded store: it keeps what it applied, catches up with what
/// reached the store while it was down, and <c>--reindex</c> (its configuration switch) builds it again from nothing.
/// </summary>
public sealed class SearchRestartTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly string _word = "zq" + string.Concat(Enumerable.Range(0, 10).Select(_ => "bcdfghjklmnpqrtvwxz"[Random.Shared.Next(19)]));

    [Fact]
    public async Task a_restarted_service_catches_up_with_writes_its_index_missed()
    {
        using var first = new SqliteApiFactory();
        var (before, during) = (Model("before"), Model("during"));
        await new DataHubWire(first.CreateAuthorizedClient()).UpsertAsync(before, "mlModelProperties", new JsonObject { ["name"] = $"{_word}_before" });
        await SearchUntil(first.CreateAuthorizedClient(), _word, 1);
        await StopAsync(first);

        // The store commits, the index never hears of it: as if the service died between the two.
        long written;
        await using (var store = new SqliteGraphStore(SqliteGraphStore.PathIn(first.DataDirectory)))
        {
            await store.InitializeAsync(CancellationToken.None);
            var outcomes = await new MetadataWriter(store, MetadataRegistry.Default).ApplyAsync(
                [new Proposal(null, during, ChangeType.Upsert, "mlModelProperties", new JsonObject { ["name"] = $"{_word}_during" })],
                i => $"proposals[{i}]", MetadataWriter.SystemActor, CancellationToken.None);
            written = outcomes[0].Sequence!.Value;
        }
        using (var index = new SearchIndex(SearchIndex.PathIn(first.DataDirectory)))
            index.AppliedSequence.ShouldBeLessThan(written);

        using var second = Restart(first);
        var found = await SearchUntil(second.CreateAuthorizedClient(), _word, 2);

        Urns(found).ShouldBe([before, during], ignoreOrder: true);
    }

    [Fact]
    public async Task the_reindex_switch_rebuilds_the_index_from_the_store_at_start()
    {
        using var first = new SqliteApiFactory();
        var model = Model("real");
        await new DataHubWire(first.CreateAuthorizedClient()).UpsertAsync(model, "mlModelProperties", new JsonObject { ["name"] = $"{_word}_real" });
        await SearchUntil(first.CreateAuthorizedClient(), _word, 1);
        await StopAsync(first);

        // An index that went wrong: it holds an entity the store never had.
        var ghost = Model("ghost");
        using (var index = new SearchIndex(SearchIndex.PathIn(first.DataDirectory)))
            index.Apply([new EntityDocument(ghost, "mlModel", $"{_word}_ghost", null, [], null, null, [], [], null, [], [], false, false, 0)], [],
                index.AppliedSequence);

        using (var unswitched = Restart(first))
        {
            Urns(await SearchUntil(unswitched.CreateAuthorizedClient(), _word, 2)).ShouldContain(ghost);
            await StopAsync(unswitched);
        }

        using var reindexed = Restart(first, b => b.UseSetting(IndexFeeder.RebuildOnStartKey, "true"));
        Urns(await SearchUntil(reindexed.CreateAuthorizedClient(), _word, 1)).ShouldBe([model]);
    }

    [Fact]
    public async Task the_reindex_argument_on_the_command_line_rebuilds_the_index_at_start()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "lineage-reindex-" + Guid.NewGuid().ToString("N"));
        try
        {
            var model = Model("real");
            await using (var first = await ServiceProcess.StartAsync(dataDirectory, "--Lineage:Store=embedded"))
            {
                await new DataHubWire(first.Http).UpsertAsync(model, "mlModelProperties", new JsonObject { ["name"] = $"{_word}_real" });
                await SearchUntil(first.Http, _word, 1);
            }

            // An index that went wrong: it holds an entity the store never had, and a plain restart keeps it
            // (the_reindex_switch_rebuilds_the_index_from_the_store_at_start shows that).
            var ghost = Model("ghost");
            using (var index = new SearchIndex(SearchIndex.PathIn(dataDirectory)))
                index.Apply([new EntityDocument(ghost, "mlModel", $"{_word}_ghost", null, [], null, null, [], [], null, [], [], false, false, 0)], [],
                    index.AppliedSequence);

            // The literal argument, through Program's own reading of args, in a process of its own.
            await using var reindexed = await ServiceProcess.StartAsync(dataDirectory, "--Lineage:Store=embedded", "--reindex");
            Urns(await SearchUntil(reindexed.Http, _word, 1)).ShouldBe([model]);
        }
        finally
        {
            try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private string Model(string name) => $"urn:li:mlModel:(urn:li:dataPlatform:science,{name}_{_word},PROD)";

    private static WebApplicationFactory<Program> Restart(LineageApiFactory first, Action<IWebHostBuilder>? configure = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Lineage:DataDirectory", first.DataDirectory).UseSetting("Lineage:Store", "embedded");
            configure?.Invoke(b);
        });

    /// <summary>Stops a host and lets go of its data directory (the index's write lock), keeping the files.</summary>
    private static async Task StopAsync(WebApplicationFactory<Program> factory)
    {
        var host = factory.Services.GetRequiredService<IHost>();
        await host.StopAsync();
        host.Dispose();
    }

    /// <summary>Polls the search every 50 ms until it has <paramref name="total"/> hits.</summary>
    private static async Task<JsonObject> SearchUntil(HttpClient http, string query, int total)
    {
        var gms = new DataHubWire(http);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var body = await DataHubWire.ReadObjectAsync(await gms.Send(HttpMethod.Get, $"/api/v1/search?q={query}"));
            if (body["total"]!.GetValue<int>() == total) return body;
            if (clock.Elapsed > Patience) throw new Xunit.Sdk.XunitException($"expected {total} hits for '{query}', got {body.ToJsonString()}");
            await Task.Delay(50);
        }
    }

    private static List<string> Urns(JsonObject results) => results["results"]!.AsArray().Select(r => r!["urn"]!.GetValue<string>()).ToList();
}
