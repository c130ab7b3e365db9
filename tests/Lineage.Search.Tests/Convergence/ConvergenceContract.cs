using System.Diagnostics;
using System.Text.Json.Nodes;
using Lineage.Graph.Changes;
using Lineage.Graph.Registry;
using Lineage.Graph.Storage;
using Lineage.Graph.Tests.StoreContract;
using Lineage.Graph.Writing;
using Lineage.Search.Index;
using Lineage.Search.Indexing;
using Lineage.Search.Querying;
using Lineage.Search.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace Lineage.Search.Tests.Convergence;

/// <summary>
/// Every write reaches the index through the change feed: written through the write path, applied by the feeder,
/// found by search — also after the indexing died between the store's commit and the index's, and after a rebuild.
/// Each test starts an index of its own at the end of the feed, as if it had caught up with everything before.
/// </summary>
public abstract partial class ConvergenceContract<TFixture>(TFixture fx, ITestOutputHelper output) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : StoreFixture
{
    private const string Actor = "urn:li:corpuser:search-tests";
    private static readonly CancellationToken Ct = CancellationToken.None;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lineage-search-tests", Guid.NewGuid().ToString("N"));
    private readonly ChangeSignal _signal = new();
    private readonly string _word = Words.New();
    private MetadataWriter _writer = null!;
    private SearchIndex _index = null!;

    public async Task InitializeAsync()
    {
        _writer = new MetadataWriter(fx.Store, MetadataRegistry.Default, _signal);
        _index = new SearchIndex(_folder);
        _index.Apply([], [], await Feed.LastSequenceAsync(fx.Store));
    }

    public Task DisposeAsync()
    {
        _index.Dispose();
        _signal.Dispose();
        IndexFolder.Delete(_folder);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task a_write_is_found_once_the_feeder_caught_up()
    {
        var model = Model("churn");
        var written = await Upsert(model, "mlModelProperties", $$"""{"name": "{{_word}}_churn_model", "description": "Predicts churn weekly"}""");
        Search(_word).Total.ShouldBe(0);

        var reached = await Feeder().CatchUpAsync(Ct);

        reached.ShouldBeGreaterThanOrEqualTo(written);
        _index.AppliedSequence.ShouldBe(reached);
        var hit = Search(_word).Results.ShouldHaveSingleItem();
        (hit.Urn, hit.Name, hit.Description, hit.Platform).ShouldBe((model, $"{_word}_churn_model", "Predicts churn weekly", "urn:li:dataPlatform:mlflow"));
        Search($"{_word} weekly").Total.ShouldBe(1);
        new AutocompleteService(_index).Suggest(_word, [], 10).ShouldHaveSingleItem().Urn.ShouldBe(model);
    }

    [Fact]
    public async Task every_aspect_the_document_reads_is_searchable_after_catching_up()
    {
        var model = Model("full");
        await Upsert(model, "mlModelProperties", $$"""{"name": "{{_word}}_full", "customProperties": {"team": "growth"} }""");
        await Upsert(model, "globalTags", $$"""{"tags": [{"tag": "urn:li:tag:{{_word}}"}]}""");
        await Upsert(model, "glossaryTerms", $$"""{"terms": [{"urn": "urn:li:glossaryTerm:{{_word}}.Revenue"}], "auditStamp": {"time": 1, "actor": "{{Actor}}"} }""");
        await Upsert(model, "ownership", $$"""{"owners": [{"owner": "urn:li:corpuser:{{_word}}", "type": "TECHNICAL_OWNER"}]}""");
        await Upsert(model, "domains", $$"""{"domains": ["urn:li:domain:{{_word}}"]}""");
        await Upsert(model, "deprecation", $$"""{"deprecated": true, "note": "use v3", "actor": "{{Actor}}"}""");

        await Feeder().CatchUpAsync(Ct);

        foreach (var query in new[] { $"tag:{_word}", $"term:\"urn:li:glossaryTerm:{_word}.Revenue\"", $"owner:{_word}", $"domain:{_word}",
                     $"{_word} customProperty:team=growth", $"{_word} deprecated:true", $"{_word} platform:mlflow", $"{_word} origin:prod" })
            Search(query).Urns().ShouldBe([model], query);
        var facets = Search(_word);
        facets.Facet("tags").ShouldBe([($"urn:li:tag:{_word}", 1)]);
        facets.Facet("owners").ShouldBe([($"urn:li:corpuser:{_word}", 1)]);
        facets.Facet("domain").ShouldBe([($"urn:li:domain:{_word}", 1)]);
    }

    [Fact]
    public async Task the_feeder_running_in_the_background_makes_a_write_searchable_within_a_second()
    {
        var feeder = Feeder();
        await feeder.StartAsync(Ct);
        try
        {
            var model = Model("live");
            await Upsert(model, "mlModelProperties", $$"""{"name": "{{_word}}_live"}""");
            var clock = Stopwatch.StartNew();
            while (Search(_word).Total == 0 && clock.Elapsed < TimeSpan.FromSeconds(1)) await Task.Delay(10);
            output.WriteLine($"searchable after {clock.ElapsedMilliseconds} ms");
            Search(_word).Urns().ShouldBe([model], $"not searchable {clock.ElapsedMilliseconds} ms after the write");
        }
        finally
        {
            await feeder.StopAsync(Ct);
        }
    }

    [Fact]
    public async Task indexing_killed_between_the_store_commit_and_the_index_update_catches_up_on_restart()
    {
        var (first, second, third) = (Model("first"), Model("second"), Model("third"));
        await Upsert(first, "mlModelProperties", $$"""{"name": "{{_word}}_first"}""");
        var committed = await Feeder().CatchUpAsync(Ct);
        // The store commits these; the process dies before the index hears of them.
        await Upsert(second, "mlModelProperties", $$"""{"name": "{{_word}}_second"}""");
        var last = await Upsert(third, "mlModelProperties", $$"""{"name": "{{_word}}_third"}""");
        await Upsert(first, "mlModelProperties", $$"""{"name": "{{_word}}_first", "description": "renamed while down"}""");
        _index.Dispose();

        _index = new SearchIndex(_folder);
        _index.AppliedSequence.ShouldBe(committed);
        Search(_word).Urns().ShouldBe([first]);
        var store = new RecordingStore(fx.Store);

        var reached = await Feeder(store).CatchUpAsync(Ct);

        store.ReadsAfter[0].ShouldBe(committed, "the restarted feeder resumes from the committed sequence");
        reached.ShouldBeGreaterThan(last);
        _index.AppliedSequence.ShouldBe(reached);
        (await fx.Store.ReadChangesAfterAsync(reached, 1000, Ct)).ShouldNotContain(c => c.Urn == first || c.Urn == second || c.Urn == third);
        Search(_word).Urns().ShouldBe([first, second, third], ignoreOrder: true);
        Search($"{_word} renamed").Urns().ShouldBe([first]);
        await FeedIsExclusiveThen(async () => reached.ShouldBe(await Feed.LastSequenceAsync(fx.Store)));
    }

    [Fact]
    public async Task indexing_that_dies_mid_update_keeps_its_last_commit_and_the_next_run_applies_the_rest()
    {
        var (before, during) = (Model("before"), Model("during"));
        await Upsert(before, "mlModelProperties", $$"""{"name": "{{_word}}_before"}""");
        var committed = await Feeder().CatchUpAsync(Ct);
        await Upsert(during, "mlModelProperties", $$"""{"name": "{{_word}}_during"}""");
        await Upsert(before, "mlModelProperties", $$"""{"name": "{{_word}}_before", "description": "changed"}""");

        await Should.ThrowAsync<IOException>(() => Feeder(new RecordingStore(fx.Store) { FailAfterEntityReads = 0 }).CatchUpAsync(Ct));
        _index.AppliedSequence.ShouldBe(committed);
        Search(_word).Urns().ShouldBe([before]);

        await Feeder().CatchUpAsync(Ct);
        Search(_word).Urns().ShouldBe([before, during], ignoreOrder: true);
        Search($"{_word} changed").Urns().ShouldBe([before]);
    }

    [Fact]
    public async Task applying_changes_again_changes_nothing()
    {
        var start = _index.AppliedSequence;
        var (a, b) = (Model("a"), Model("b"));
        await Upsert(a, "mlModelProperties", $$"""{"name": "{{_word}}_a", "description": "alpha"}""");
        await Upsert(b, "globalTags", $$"""{"tags": [{"tag": "urn:li:tag:{{_word}}"}]}""");
        await Feeder().CatchUpAsync(Ct);
        var once = Snapshot();

        // As after a crash between the index's documents and its sequence: the same changes come again.
        _index.Apply([], [], start);
        await Feeder().CatchUpAsync(Ct);

        Snapshot().ShouldBe(once);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task a_rebuild_from_an_empty_index_gives_the_same_results(bool fromTheStore)
    {
        var (model, group, removed) = (Model("model"), Group("group"), Model("removed"));
        await Upsert(group, "mlModelGroupProperties", $$"""{"name": "{{_word}}_group", "description": "the group"}""");
        await Upsert(model, "mlModelProperties", $$"""{"name": "{{_word}}_model", "groups": ["{{group}}"]}""");
        await Upsert(model, "globalTags", $$"""{"tags": [{"tag": "urn:li:tag:{{_word}}"}]}""");
        await Upsert(removed, "mlModelProperties", $$"""{"name": "{{_word}}_removed"}""");
        await Upsert(removed, "status", """{"removed": true}""");
        await Feeder().CatchUpAsync(Ct);
        var before = Snapshot();
        before.ShouldContain(model);

        // From the store's entities (then the feed from about its end), or by replaying the whole feed.
        var store = new RecordingStore(fx.Store);
        var buildFrom = fromTheStore ? "1" : long.MaxValue.ToString();
        var feeder = Feeder(store, new ConfigurationBuilder().AddInMemoryCollection([new(IndexFeeder.BuildFromKey, buildFrom)]).Build());
        var rebuilt = await feeder.RebuildAsync(Ct);

        (store.EntityWalkPages > 0).ShouldBe(fromTheStore);
        rebuilt.ShouldBe(_index.AppliedSequence);
        Snapshot().ShouldBe(before);
        var later = Model("later");
        await Upsert(later, "mlModelProperties", $$"""{"name": "{{_word}}_later"}""");
        await feeder.CatchUpAsync(Ct);
        Search($"{_word}_later").Urns().ShouldBe([later], "the rebuilt index follows the feed");
    }

    [Fact]
    public async Task the_reindex_switch_empties_the_index_and_reads_the_feed_from_the_start()
    {
        var model = Model("switch");
        await Upsert(model, "mlModelProperties", $$"""{"name": "{{_word}}_switch"}""");
        // An index ahead of any feed: only emptying it lets the feeder read anything.
        const long Ahead = 1_000_000_000_000;
        _index.Apply([], [], Ahead);
        var store = new RecordingStore(fx.Store);
        // Replaying the feed, however long it is: building from the store has a test of its own.
        var settings = new Dictionary<string, string?> { [IndexFeeder.RebuildOnStartKey] = "true", [IndexFeeder.BuildFromKey] = long.MaxValue.ToString() };
        var feeder = Feeder(store, new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

        await feeder.StartAsync(Ct);
        try
        {
            // The whole rebuild is the rebuild test's; here it is enough that it starts from nothing.
            var clock = Stopwatch.StartNew();
            while (store.ReadsAfter.Count == 0 && clock.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(10);
        }
        finally
        {
            await feeder.StopAsync(Ct);
        }

        store.ReadsAfter.ShouldNotBeEmpty();
        store.ReadsAfter[0].ShouldBe(0);
        _index.AppliedSequence.ShouldBeLessThan(Ahead);
    }


    private IndexFeeder Feeder(IGraphStore? store = null, IConfiguration? configuration = null) =>
        new(store ?? fx.Store, _index, MetadataRegistry.Default, _signal, configuration ?? new ConfigurationBuilder().Build(),
            NullLogger<IndexFeeder>.Instance);

    private string Model(string name) => $"urn:li:mlModel:(urn:li:dataPlatform:mlflow,{name}_{_word},PROD)";

    private string Group(string name) => $"urn:li:mlModelGroup:(urn:li:dataPlatform:mlflow,{name}_{_word},PROD)";

    /// <summary>Writes one aspect through the write path; returns the change's sequence number.</summary>
    private async Task<long> Upsert(string urn, string aspect, string json)
    {
        var outcomes = await _writer.ApplyAsync([new Proposal(null, urn, ChangeType.Upsert, aspect, JsonNode.Parse(json))],
            i => $"proposals[{i}]", Actor, Ct);
        return outcomes.Single().Sequence ?? throw new InvalidOperationException($"{aspect} of {urn} did not change");
    }

    private Task Delete(string urn, string aspect) =>
        _writer.ApplyAsync([new Proposal(null, urn, ChangeType.Delete, aspect, null)], i => $"proposals[{i}]", Actor, Ct);

    private SearchResults Search(string query, IReadOnlyList<string>? tags = null, bool includeRemoved = false) =>
        new SearchService(_index).Search(Docs.Query(query, 100) with { Tags = tags ?? [], IncludeRemoved = includeRemoved });

    /// <summary>What this test's entities look like to search and autocomplete, for comparing two states of the index.</summary>
    private string Snapshot()
    {
        var all = Search(_word, includeRemoved: true);
        var visible = Search(_word);
        var suggestions = new AutocompleteService(_index).Suggest(_word, [], 100);
        return string.Join("\n", [
            .. all.Results.Select(h => $"{h.Urn} {h.Name} {h.Description} {h.Platform}"),
            .. visible.Results.Select(h => $"visible {h.Urn}"),
            .. visible.Facets.SelectMany(f => f.Values.Select(v => $"{f.Field} {v.Value} {v.Count}")),
            .. suggestions.Select(s => $"suggested {s.Urn} {s.Match}"),
        ]);
    }

    /// <summary>Runs an assertion about the whole feed only where this suite is the feed's only writer (not the shared Neo4j server).</summary>
    private static Task FeedIsExclusiveThen(Func<Task> assertion) =>
        typeof(TFixture) == typeof(Lineage.Graph.Tests.Sqlite.SqliteStoreFixture) ? assertion() : Task.CompletedTask;
}
