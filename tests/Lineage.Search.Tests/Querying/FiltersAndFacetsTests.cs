using Lineage.Search.Tests.Support;

namespace Lineage.Search.Tests.Querying;

/// <summary>Filters narrow the hits; facets count every hit, not only the page; soft-deleted entities stay hidden.</summary>
public sealed class FiltersAndFacetsTests(IndexFolder folder) : IClassFixture<IndexFolder>
{
    private const string Pii = "urn:li:tag:pii";
    private const string Gold = "urn:li:tag:gold";

    /// <summary>Five entities sharing a word: three mlflow models (two PII), two hive datasets (one PII, one gold).</summary>
    private (string Word, Lineage.Search.Index.EntityDocument[] Docs) Five()
    {
        var word = Words.New();
        var alice = $"urn:li:corpuser:alice_{word}";
        var docs = new[]
        {
            Docs.Model($"{word}_a") with { Tags = [Pii], Owners = [alice], Domain = "urn:li:domain:sales", Terms = ["urn:li:glossaryTerm:Revenue"] },
            Docs.Model($"{word}_b") with { Tags = [Pii, Gold], Owners = [alice], Domain = "urn:li:domain:sales" },
            Docs.Model($"{word}_c") with { Deprecated = true },
            Docs.Dataset($"{word}_d") with { Tags = [Pii], Domain = "urn:li:domain:finance" },
            Docs.Dataset($"{word}_e") with { Tags = [Gold], Owners = [alice, "urn:li:corpGroup:data"] },
        };
        folder.Add(docs);
        return (word, docs);
    }

    [Fact]
    public void facets_count_every_hit_even_when_the_page_is_smaller()
    {
        var (word, _) = Five();

        var page = folder.Search.Search(Docs.Query(word, count: 2));

        page.Total.ShouldBe(5);
        page.Count.ShouldBe(2);
        page.Results.Count.ShouldBe(2);
        page.Facet("entityType").ShouldBe([("mlModel", 3), ("dataset", 2)]);
        page.Facet("platform").ShouldBe([("urn:li:dataPlatform:mlflow", 3), ("urn:li:dataPlatform:hive", 2)]);
        page.Facet("origin").ShouldBe([("PROD", 3), ("DEV", 2)]);
        page.Facet("tags").ShouldBe([(Pii, 3), (Gold, 2)]);
        page.Facet("glossaryTerms").ShouldBe([("urn:li:glossaryTerm:Revenue", 1)]);
        page.Facet("domain").ShouldBe([("urn:li:domain:sales", 2), ("urn:li:domain:finance", 1)]);
        page.Facet("owners").ShouldBe([($"urn:li:corpuser:alice_{word}", 3), ("urn:li:corpGroup:data", 1)]);
    }

    [Fact]
    public void facets_over_several_segments_show_the_fifty_most_frequent_values_ties_by_value()
    {
        var word = Words.New();
        string Tag(int i) => $"urn:li:tag:{word}_t{i:D2}";
        var shared = $"urn:li:tag:{word}_shared";
        // Two writes, two segments: tags 20 to 29 are on a document of each, so they count twice.
        folder.Add([.. Enumerable.Range(0, 30).Select(i => Docs.Model($"{word}_a{i:D2}") with { Tags = [Tag(i), shared] })]);
        folder.Add([.. Enumerable.Range(20, 40).Select(i => Docs.Model($"{word}_b{i:D2}") with { Tags = [Tag(i)] })]);

        var page = folder.Search.Search(Docs.Query(word, count: 1));

        page.Total.ShouldBe(70);
        page.Facet("tags").ShouldBe([
            (shared, 30),
            .. Enumerable.Range(20, 10).Select(i => (Tag(i), 2)),
            .. Enumerable.Range(0, 20).Concat(Enumerable.Range(30, 19)).Select(i => (Tag(i), 1)),
        ]);
    }

    [Fact]
    public void a_facet_of_more_than_65535_values_in_one_segment_is_counted_as_any_other()
    {
        // Past 65,535 values a segment keeps its ordinals as ints, not shorts: one document owned by 70,000 users.
        var word = Words.New();
        string Owner(int i) => $"urn:li:corpuser:{word}_u{i:D5}";
        folder.Add([
            Docs.Model($"{word}_many") with { Owners = [.. Enumerable.Range(0, 70_000).Select(Owner)] },
            Docs.Model($"{word}_one") with { Owners = [Owner(69_999)] },
            Docs.Model($"{word}_none"),
        ]);

        var page = folder.Search.Search(Docs.Query(word, count: 1));

        page.Total.ShouldBe(3);
        page.Facet("owners").ShouldBe([(Owner(69_999), 2), .. Enumerable.Range(0, 49).Select(i => (Owner(i), 1))]);
    }

    [Fact]
    public void pages_walk_through_every_hit_once()
    {
        var (word, docs) = Five();

        var seen = Enumerable.Range(0, 3)
            .SelectMany(page => folder.Search.Search(Docs.Query(word) with { Start = page * 2, Count = 2 }).Urns())
            .ToList();

        seen.ShouldBe(docs.Select(d => d.Urn), ignoreOrder: true);
        folder.Search.Search(Docs.Query(word) with { Start = 10 }).Results.ShouldBeEmpty();
        folder.Search.Search(Docs.Query(word) with { Count = 0 }).Total.ShouldBe(5);
    }

    [Fact]
    public void a_filter_keeps_entities_having_any_of_its_values_and_facets_count_what_is_left()
    {
        var (word, docs) = Five();

        var pii = folder.Search.Search(Docs.Query(word, count: 1) with { Tags = [Pii] });
        pii.Total.ShouldBe(3);
        pii.Facet("tags").ShouldBe([(Pii, 3), (Gold, 1)]);
        pii.Facet("entityType").ShouldBe([("mlModel", 2), ("dataset", 1)]);

        folder.Search.Search(Docs.Query(word) with { Tags = [Pii, Gold] }).Total.ShouldBe(4);
        folder.Search.Search(Docs.Query(word) with { Tags = ["pii"] }).Total.ShouldBe(3);
        folder.Search.Search(Docs.Query(word) with { Tags = ["urn:li:tag:PII"] }).Total.ShouldBe(3);
        folder.Search.Search(Docs.Query(word) with { Tags = ["urn:li:tag:none"] }).Total.ShouldBe(0);
        folder.Search.Search(Docs.Query(word) with { Types = ["dataset"] }).Urns().ShouldBe([docs[3].Urn, docs[4].Urn], ignoreOrder: true);
        folder.Search.Search(Docs.Query(word) with { Types = ["MLMODEL"] }).Total.ShouldBe(3);
        folder.Search.Search(Docs.Query(word) with { Platforms = ["urn:li:dataPlatform:hive"] }).Total.ShouldBe(2);
        folder.Search.Search(Docs.Query(word) with { Platforms = ["mlflow"] }).Total.ShouldBe(3);
        folder.Search.Search(Docs.Query(word) with { Origins = ["DEV"] }).Total.ShouldBe(2);
        folder.Search.Search(Docs.Query(word) with { Terms = ["urn:li:glossaryTerm:Revenue"] }).Urns().ShouldBe([docs[0].Urn]);
        folder.Search.Search(Docs.Query(word) with { Domains = ["urn:li:domain:sales"] }).Total.ShouldBe(2);
        folder.Search.Search(Docs.Query(word) with { Owners = ["urn:li:corpGroup:data"] }).Urns().ShouldBe([docs[4].Urn]);
    }

    [Fact]
    public void filters_on_different_fields_all_apply()
    {
        var (word, docs) = Five();

        var found = folder.Search.Search(Docs.Query(word) with { Tags = [Pii], Types = ["dataset"] });

        found.Urns().ShouldBe([docs[3].Urn]);
        found.Facet("tags").ShouldBe([(Pii, 1)]);
    }

    [Fact]
    public void a_filter_does_not_change_the_order_relevance_gives()
    {
        var word = Words.New();
        var inName = Docs.Model($"{word}_x") with { Tags = [Pii] };
        var inDescription = Docs.Model("aaa_x", $"about {word}") with { Tags = [Pii], Connectivity = 9 };
        folder.Add(inDescription, inName);

        folder.Search.Search(Docs.Query(word) with { Tags = [Pii] }).Urns().ShouldBe([inName.Urn, inDescription.Urn]);
    }

    [Fact]
    public void equal_scores_go_to_the_better_connected_then_the_name()
    {
        var word = Words.New();
        var b = Docs.Model($"{word} b");
        var a = Docs.Model($"{word} a");
        var c = Docs.Model($"{word} c") with { Connectivity = 3 };
        folder.Add(b, a, c);

        folder.Search.Search(Docs.Query(word)).Urns().ShouldBe([c.Urn, a.Urn, b.Urn]);
    }

    [Fact]
    public void deprecated_true_or_false_keeps_only_those()
    {
        var (word, docs) = Five();

        folder.Search.Search(Docs.Query(word) with { Deprecated = true }).Urns().ShouldBe([docs[2].Urn]);
        folder.Search.Search(Docs.Query(word) with { Deprecated = false }).Total.ShouldBe(4);
        folder.Search.Search(Docs.Query(word) with { Deprecated = null }).Total.ShouldBe(5);
    }

    [Fact]
    public void a_soft_deleted_entity_is_hidden_unless_removed_ones_are_asked_for()
    {
        var word = Words.New();
        var live = Docs.Model($"{word}_live") with { Tags = [Pii] };
        var removed = Docs.Model($"{word}_gone") with { Tags = [Pii], Removed = true };
        folder.Add(live, removed);

        var hidden = folder.Search.Search(Docs.Query(word));
        hidden.Urns().ShouldBe([live.Urn]);
        hidden.Facet("tags").ShouldBe([(Pii, 1)]);

        var shown = folder.Search.Search(Docs.Query(word) with { IncludeRemoved = true });
        shown.Urns().ShouldBe([live.Urn, removed.Urn], ignoreOrder: true);
        shown.Facet("tags").ShouldBe([(Pii, 2)]);
    }

    [Fact]
    public void a_replaced_document_is_found_by_its_new_values_only()
    {
        var word = Words.New();
        var doc = Docs.Model($"{word}_m", "old words here") with { Tags = [Pii] };
        folder.Add(doc);
        folder.Add(doc with { Description = "fresh text", AllDescriptions = ["fresh text"], Tags = [] });

        folder.Search.Search(Docs.Query($"{word} old")).Total.ShouldBe(0);
        folder.Search.Search(Docs.Query($"{word} fresh")).Urns().ShouldBe([doc.Urn]);
        folder.Search.Search(Docs.Query(word) with { Tags = [Pii] }).Total.ShouldBe(0);
        folder.Search.Search(Docs.Query(word)).Facet("tags").ShouldBeEmpty();
    }

    [Fact]
    public void a_deleted_document_is_gone()
    {
        var word = Words.New();
        var doc = Docs.Model($"{word}_m");
        folder.Add(doc);
        folder.Delete(doc.Urn);

        folder.Search.Search(Docs.Query(word) with { IncludeRemoved = true }).Total.ShouldBe(0);
    }
}
