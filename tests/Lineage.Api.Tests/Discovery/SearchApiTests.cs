using System.Diagnostics;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Lineage.Api.Tests.Support;
using Xunit.Abstractions;

namespace Lineage.Api.Tests.Discovery;

/// <summary>
/// Search, autocomplete and reindex over HTTP, fed by what DataHub's client emits. The index is shared by every class
/// of a collection, so each test searches for a word of its own.
/// </summary>
public abstract partial class SearchApiTests(LineageApiFactory factory, ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>What the issue promises: searchable within a second of the write's acknowledgement.</summary>
    private static readonly TimeSpan Convergence = TimeSpan.FromSeconds(1);

    /// <summary>For the tests about what is found rather than how fast: room for a loaded machine.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly ConditionalWeakTable<LineageApiFactory, Task> CaughtUp = new();

    private readonly DataHubWire _gms = new(factory.CreateClient());
    private readonly string _word = Word();

    /// <summary>
    /// A new host's index first catches up with the whole change feed (on the shared Neo4j server, every earlier run's):
    /// the timings below are about new writes, so they start once a write made now is found.
    /// </summary>
    public Task InitializeAsync() => CaughtUp.GetValue(factory, f => WaitForCatchUpAsync(new DataHubWire(f.CreateClient()), output));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task an_emitted_entity_is_searchable_within_a_second_of_the_acknowledgement()
    {
        var model = Model("live");

        var created = await Timed(() => Upsert(model, "mlModelProperties", new JsonObject { ["name"] = $"{_word}_live" }),
            $"q={_word}", r => Urns(r).Contains(model));
        var updated = await Timed(() => Upsert(model, "mlModelProperties", new JsonObject { ["name"] = $"{_word}_live", ["description"] = "fresh wording" }),
            $"q={_word} fresh", r => Urns(r).Contains(model));
        var removed = await Timed(() => Upsert(model, "status", new JsonObject { ["removed"] = true }),
            $"q={_word}", r => !Urns(r).Contains(model));

        output.WriteLine($"time to searchable: created {created} ms, description updated {updated} ms, soft-deleted {removed} ms");
    }

    [Fact]
    public async Task a_name_match_ranks_above_a_description_match()
    {
        var (inName, inDescription) = (Model("name"), Model("description"));
        await Upsert(inDescription, "mlModelProperties", new JsonObject { ["name"] = "aaa_forecast", ["description"] = $"Forecasts {_word} weekly" });
        await Upsert(inName, "mlModelProperties", new JsonObject { ["name"] = $"{_word}_forecast", ["description"] = "Forecasts demand" });

        var found = await SearchUntil($"q={_word}", r => Urns(r).Count == 2);

        Urns(found).ShouldBe([inName, inDescription]);
        var hit = found["results"]![0]!;
        hit["name"]!.GetValue<string>().ShouldBe($"{_word}_forecast");
        hit["entityType"]!.GetValue<string>().ShouldBe("mlModel");
        hit["platform"]!.GetValue<string>().ShouldBe("urn:li:dataPlatform:science");
        hit["matchedFields"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldBe(["name"]);
        found["results"]![1]!["matchedFields"]!.AsArray().Select(f => f!.GetValue<string>()).ShouldBe(["description"]);
        found["results"]![1]!["description"]!.GetValue<string>().ShouldBe($"Forecasts {_word} weekly");
    }

    [Fact]
    public async Task both_spellings_of_a_name_are_found_by_one_of_its_words()
    {
        var (snake, camel) = (Model("snake"), Model("camel"));
        var tag = new JsonObject { ["tags"] = new JsonArray(new JsonObject { ["tag"] = $"urn:li:tag:{_word}" }) };
        await Upsert(snake, "mlModelProperties", new JsonObject { ["name"] = "customer_churn_v2" });
        await Upsert(snake, "globalTags", tag);
        await Upsert(camel, "mlModelProperties", new JsonObject { ["name"] = "CustomerChurnV2" });
        await Upsert(camel, "globalTags", tag.DeepClone().AsObject());

        var found = await SearchUntil($"q=churn&tag=urn:li:tag:{_word}", r => Urns(r).Count == 2);

        Urns(found).ShouldBe([snake, camel], ignoreOrder: true);
    }

    private static readonly char[] WordBreaks = ['_', '-', '.', '/', ' '];

    private static bool HasWordStartingWith(string name, string prefix) =>
        name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
        || name.Split(WordBreaks, StringSplitOptions.RemoveEmptyEntries).Any(w => w.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task cust_suggests_customer_churn_model_and_customer_ltv()
    {
        var (churn, ltv) = (Model("churn"), Model("ltv"));
        await Upsert(churn, "mlModelProperties", new JsonObject { ["name"] = "customer_churn_model" });
        await Upsert(ltv, "mlModelProperties", new JsonObject { ["name"] = "CustomerLTV" });
        try
        {
            var suggested = await AutocompleteUntil("q=cust&limit=100", r => Suggested(r).Contains(churn) && Suggested(r).Contains(ltv));

            foreach (var urn in new[] { churn, ltv })
            {
                var suggestion = suggested["suggestions"]!.AsArray().Single(s => s!["urn"]!.GetValue<string>() == urn)!;
                suggestion["match"]!.GetValue<string>().ShouldBe("prefix");
                suggestion["entityType"]!.GetValue<string>().ShouldBe("mlModel");
            }
            suggested["query"]!.GetValue<string>().ShouldBe("cust");
            // Every suggestion has a word starting with "cust": names split on _ - . / and spaces (other tests' data,
            // such as OpenLineage's dbt_test.main.customer_analytics, may be suggested too).
            suggested["suggestions"]!.AsArray().Select(s => s!["name"]!.GetValue<string>())
                .ShouldAllBe(name => HasWordStartingWith(name, "cust"));
        }
        finally
        {
            // "cust" is no word of this test's own: leave nothing behind for the next run on the shared Neo4j server.
            foreach (var urn in new[] { churn, ltv })
                await _gms.Send(HttpMethod.Post, "/entities?action=delete", new JsonObject { ["urn"] = urn });
        }
    }

    [Fact]
    public async Task autocomplete_gives_the_exact_name_then_names_starting_with_it_then_word_prefixes()
    {
        var (exact, prefix, word, dataset) = (Model("exact"), Model("prefix"), Model("word"), Dataset("table"));
        // Connectivity favours the later tiers: the word match is tagged, the prefix match is in a group.
        await Upsert(word, "mlModelProperties", new JsonObject { ["name"] = $"old_{_word}_model" });
        await Upsert(word, "globalTags", new JsonObject { ["tags"] = new JsonArray(new JsonObject { ["tag"] = "urn:li:tag:legacy" }) });
        await Upsert(prefix, "mlModelProperties", new JsonObject { ["name"] = $"{_word}_model" });
        await Upsert(exact, "mlModelProperties", new JsonObject { ["name"] = _word });
        await Upsert(dataset, "datasetProperties", new JsonObject { ["name"] = $"{_word}_table" });

        var suggested = await AutocompleteUntil($"q={_word.ToUpperInvariant()}", r => Suggested(r).Count == 4);

        suggested["suggestions"]!.AsArray().Select(s => (s!["urn"]!.GetValue<string>(), s["match"]!.GetValue<string>())).ShouldBe([
            (exact, "exact"), (prefix, "prefix"), (dataset, "prefix"), (word, "word"),
        ]);
        Suggested(await Autocomplete($"q={_word}&types=dataset")).ShouldBe([dataset]);
        Suggested(await Autocomplete($"q={_word}&limit=2")).ShouldBe([exact, prefix]);
        // Both match on words only: the tagged one is the better connected.
        Suggested(await Autocomplete($"q=model {_word[..6]}")).ShouldBe([word, prefix]);
    }

    [Fact]
    public async Task filters_narrow_the_hits_and_facets_count_all_of_them_in_the_json()
    {
        var pii = $"urn:li:tag:pii_{_word}";
        var gold = $"urn:li:tag:gold_{_word}";
        var (m1, m2, m3, d1, d2) = (Model("one"), Model("two"), Model("three"), Dataset("four"), Dataset("five"));
        foreach (var (urn, tags) in new[] { (m1, new[] { pii }), (m2, [pii, gold]), (m3, []), (d1, [pii]), (d2, [gold]) })
        {
            await Upsert(urn, urn.Contains("mlModel") ? "mlModelProperties" : "datasetProperties", new JsonObject { ["name"] = $"{_word}_{urn.Length}" });
            if (tags.Length > 0)
                await Upsert(urn, "globalTags", new JsonObject { ["tags"] = new JsonArray([.. tags.Select(t => (JsonNode)new JsonObject { ["tag"] = t })]) });
        }

        // Wait for the last write (d2's tag), not only for the five names: the feeder may index them in separate commits.
        var page = await SearchUntil($"q={_word}&count=2", r => r["total"]!.GetValue<int>() == 5 && Facet(r, "tags").Sum(f => f.Item2) == 5);

        page["start"]!.GetValue<int>().ShouldBe(0);
        page["count"]!.GetValue<int>().ShouldBe(2);
        page["results"]!.AsArray().Count.ShouldBe(2);
        Facet(page, "tags").ShouldBe([(pii, 3), (gold, 2)]);
        Facet(page, "entityType").ShouldBe([("mlModel", 3), ("dataset", 2)]);
        Facet(page, "platform").ShouldBe([("urn:li:dataPlatform:science", 3), ("urn:li:dataPlatform:hive", 2)]);
        Facet(page, "origin").ShouldBe([("PROD", 5)]);
        page["facets"]!.AsArray().Select(f => f!["field"]!.GetValue<string>())
            .ShouldBe(["entityType", "platform", "origin", "tags", "glossaryTerms", "domain", "owners"], ignoreOrder: true);

        var piiOnly = await Search($"q={_word}&tag={Uri.EscapeDataString(pii)}&count=1");
        piiOnly["total"]!.GetValue<int>().ShouldBe(3);
        Facet(piiOnly, "tags").ShouldBe([(pii, 3), (gold, 1)]);
        Facet(piiOnly, "entityType").ShouldBe([("mlModel", 2), ("dataset", 1)]);
        Urns(await Search($"q={_word}&tag={Uri.EscapeDataString(pii)}&types=dataset")).ShouldBe([d1]);
        (await Search($"q={_word}&tag=List({Uri.EscapeDataString(pii)},{Uri.EscapeDataString(gold)})"))["total"]!.GetValue<int>().ShouldBe(4);
        (await Search($"q={_word}&platform=urn:li:dataPlatform:hive"))["total"]!.GetValue<int>().ShouldBe(2);
        Urns(await Search($"q={_word} tag:gold_{_word}")).ShouldBe([m2, d2], ignoreOrder: true);
        var second = await Search($"q={_word}&count=2&start=2");
        Urns(second).Count.ShouldBe(2);
        Urns(second).ShouldNotContain(Urns(page)[0]);
        Urns(second).ShouldNotContain(Urns(page)[1]);
    }

    [Fact]
    public async Task a_deleted_entity_disappears()
    {
        var (soft, hard, kept) = (Model("soft"), Model("hard"), Model("kept"));
        foreach (var urn in new[] { soft, hard, kept })
            await Upsert(urn, "mlModelProperties", new JsonObject { ["name"] = $"{_word}_{urn.Length}_{urn[^10..^6]}" });
        await SearchUntil($"q={_word}", r => Urns(r).Count == 3);

        await Upsert(soft, "status", new JsonObject { ["removed"] = true });
        (await _gms.Send(HttpMethod.Post, "/entities?action=delete", new JsonObject { ["urn"] = hard })).StatusCode.ShouldBe(HttpStatusCode.OK);

        Urns(await SearchUntil($"q={_word}", r => Urns(r).Count == 1)).ShouldBe([kept]);
        Urns(await Search($"q={_word}&includeRemoved=true")).ShouldBe([soft, kept], ignoreOrder: true);
        Suggested(await Autocomplete($"q={_word}")).ShouldBe([kept]);
    }

    [Fact]
    public async Task an_updated_description_is_found_by_its_new_words_and_not_its_old_ones()
    {
        var model = Model("described");
        await Upsert(model, "mlModelProperties", new JsonObject { ["name"] = $"{_word}_described", ["description"] = "forecasts quarterly revenue" });
        await SearchUntil($"q={_word} quarterly", r => Urns(r).Count == 1);

        await Upsert(model, "mlModelProperties", new JsonObject { ["name"] = $"{_word}_described", ["description"] = "scores monthly retention" });

        Urns(await SearchUntil($"q={_word} retention", r => Urns(r).Count == 1)).ShouldBe([model]);
        (await Search($"q={_word} quarterly"))["total"]!.GetValue<int>().ShouldBe(0);
        (await Search($"q={_word} revenue"))["total"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task an_edited_description_is_shown_and_the_ingested_one_stays_searchable()
    {
        var model = Model("edited");
        await Upsert(model, "mlModelProperties", new JsonObject { ["name"] = $"{_word}_edited", ["description"] = "ingested wording" });
        await Upsert(model, "editableMlModelProperties", new JsonObject { ["description"] = "curated wording" });

        var curated = await SearchUntil($"q={_word} curated", r => Urns(r).Count == 1);

        curated["results"]![0]!["description"]!.GetValue<string>().ShouldBe("curated wording");
        (await Search($"q={_word} ingested"))["results"]![0]!["description"]!.GetValue<string>().ShouldBe("curated wording");
    }

    [Fact]
    public async Task removing_a_tag_removes_the_entity_from_that_tags_results()
    {
        var model = Model("tagged");
        var (pii, gold) = ($"urn:li:tag:pii_{_word}", $"urn:li:tag:gold_{_word}");
        await Upsert(model, "mlModelProperties", new JsonObject { ["name"] = $"{_word}_tagged" });
        await Upsert(model, "globalTags", new JsonObject
        {
            ["tags"] = new JsonArray(new JsonObject { ["tag"] = pii }, new JsonObject { ["tag"] = gold }),
        });
        await SearchUntil($"q=tag:pii_{_word}", r => Urns(r).Count == 1);

        await Upsert(model, "globalTags", new JsonObject { ["tags"] = new JsonArray(new JsonObject { ["tag"] = gold }) });

        await SearchUntil($"q=tag:pii_{_word}", r => Urns(r).Count == 0);
        Facet(await Search($"q={_word}"), "tags").ShouldBe([(gold, 1)]);
        Urns(await Search($"q={_word}&tag={Uri.EscapeDataString(gold)}")).ShouldBe([model]);
    }

    [Theory]
    [InlineData("churn AND (model", "column")]
    [InlineData("churn \"model", "column")]
    [InlineData("*churn", "first character")]
    [InlineData("churn colour:red", "position 6")]
    public async Task a_malformed_query_is_a_400_json_error_naming_q_and_where(string query, string where)
    {
        var response = await _gms.Send(HttpMethod.Get, $"/api/v1/search?q={Uri.EscapeDataString(query)}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        error["status"]!.GetValue<int>().ShouldBe(400);
        error["path"]!.GetValue<string>().ShouldBe("q");
        error["reason"]!.GetValue<string>().ShouldContain(where);
        error["message"]!.GetValue<string>().ShouldStartWith("q: ");
    }

    [Theory]
    [InlineData("count=-1", "count")]
    [InlineData("start=x", "start")]
    [InlineData("includeRemoved=maybe", "includeRemoved")]
    [InlineData("deprecated=sometimes", "deprecated")]
    public async Task a_bad_search_parameter_is_a_400_naming_it(string parameter, string name)
    {
        var response = await _gms.Send(HttpMethod.Get, $"/api/v1/search?q=churn&{parameter}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["path"]!.GetValue<string>().ShouldBe(name);
    }

    [Fact]
    public async Task reindex_answers_the_applied_sequence_and_document_count_and_search_still_works()
    {
        var model = Model("reindexed");
        await Upsert(model, "mlModelProperties", new JsonObject { ["name"] = $"{_word}_reindexed", ["description"] = "kept across a rebuild" });
        await Upsert(model, "globalTags", new JsonObject { ["tags"] = new JsonArray(new JsonObject { ["tag"] = $"urn:li:tag:{_word}" }) });
        var before = await SearchUntil($"q={_word} rebuild", r => Urns(r).Count == 1);

        // A rebuild reads the whole change feed; on the shared Neo4j server that is every run's.
        using var patient = factory.CreateClient();
        patient.Timeout = TimeSpan.FromMinutes(10);
        var clock = Stopwatch.StartNew();
        var rebuilt = await DataHubWire.ReadObjectAsync(await new DataHubWire(patient).Send(HttpMethod.Post, "/api/v1/admin/reindex"));
        output.WriteLine($"reindex took {clock.ElapsedMilliseconds} ms: {rebuilt.ToJsonString()}");

        rebuilt["appliedSequence"]!.GetValue<long>().ShouldBeGreaterThan(0);
        rebuilt["documents"]!.GetValue<int>().ShouldBeGreaterThan(0);
        var after = await Search($"q={_word} rebuild");
        Urns(after).ShouldBe([model]);
        // Scores may move (the rebuilt index has other term statistics); what is shown may not.
        foreach (var field in new[] { "urn", "entityType", "name", "description", "platform", "matchedFields" })
            after["results"]![0]![field]!.ToJsonString().ShouldBe(before["results"]![0]![field]!.ToJsonString(), field);
        Facet(after, "tags").ShouldBe([($"urn:li:tag:{_word}", 1)]);

        var next = Model("after");
        await Upsert(next, "mlModelProperties", new JsonObject { ["name"] = $"{_word}_after" });
        await SearchUntil($"q={_word}", r => Urns(r).Count == 2, Convergence);
    }

    private string Model(string name) => $"urn:li:mlModel:(urn:li:dataPlatform:science,{name}_{_word},PROD)";

    private string Dataset(string name) => $"urn:li:dataset:(urn:li:dataPlatform:hive,{name}_{_word},PROD)";

    private Task Upsert(string urn, string aspect, JsonObject value) => _gms.UpsertAsync(urn, aspect, value);
}

[Collection(SqliteApiCollection.Name)]
public sealed class sqlite_search_api(SqliteApiFactory factory, ITestOutputHelper output) : SearchApiTests(factory, output);

[Collection(Neo4jApiCollection.Name)]
public sealed class neo4j_search_api(Neo4jApiFactory factory, ITestOutputHelper output) : SearchApiTests(factory, output);
