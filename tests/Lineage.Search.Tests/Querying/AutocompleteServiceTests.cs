using Lineage.Search.Analysis;
using Lineage.Search.Tests.Support;

namespace Lineage.Search.Tests.Querying;

/// <summary>Suggestions: exact name, then names starting with the text, then names with a word starting with it.</summary>
public sealed class AutocompleteServiceTests(IndexFolder folder) : IClassFixture<IndexFolder>
{
    private IReadOnlyList<string> Suggest(string text, int limit = 10, params string[] types) =>
        folder.Autocomplete.Suggest(text, types, limit).Select(s => s.Name).ToList();

    [Fact]
    public void cust_suggests_customer_churn_model_and_customer_ltv()
    {
        // An index of its own: "cust" is not a word only this test uses.
        using var own = new IndexFolder();
        own.Add(Docs.Model("customer_churn_model"), Docs.Model("CustomerLTV"), Docs.Model("churn_forecast"), Docs.Model("accustomed"));

        var suggestions = own.Autocomplete.Suggest("cust", [], 10);

        suggestions.Select(s => s.Name).ShouldBe(["customer_churn_model", "CustomerLTV"], ignoreOrder: true);
        suggestions.ShouldAllBe(s => s.Match == "prefix");
        own.Autocomplete.Suggest("CUST", [], 10).Count.ShouldBe(2);
        own.Autocomplete.Suggest("churn", [], 10).Select(s => s.Name).ShouldBe(["churn_forecast", "customer_churn_model"]);
        own.Autocomplete.Suggest("ltv", [], 10).Select(s => (s.Name, s.Match)).ShouldBe([("CustomerLTV", "word")]);
    }

    [Fact]
    public void the_exact_name_comes_first_then_names_starting_with_the_text_then_word_prefixes()
    {
        var word = Words.New();
        // Connectivity favours the later tiers: only the tier can put the exact name first.
        folder.Add(
            Docs.Model($"old_{word}_model") with { Connectivity = 100 },
            Docs.Model($"{word}_model") with { Connectivity = 50 },
            Docs.Model(word),
            Docs.Model($"Legacy{char.ToUpperInvariant(word[0])}{word[1..]}") with { Connectivity = 10 });

        var suggestions = folder.Autocomplete.Suggest(word, [], 10);

        suggestions.Select(s => (s.Name, s.Match)).ShouldBe([
            (word, "exact"),
            ($"{word}_model", "prefix"),
            ($"old_{word}_model", "word"),
            ($"Legacy{char.ToUpperInvariant(word[0])}{word[1..]}", "word"),
        ]);
    }

    [Fact]
    public void matching_ignores_case_and_surrounding_spaces()
    {
        var word = Words.New();
        folder.Add(Docs.Model($"{word}_Model"));

        Suggest($"  {word.ToUpperInvariant()}_m ").ShouldBe([$"{word}_Model"]);
        Suggest($"{word}_model").ShouldBe([$"{word}_Model"]);
        folder.Autocomplete.Suggest($"{word.ToUpperInvariant()}_MODEL", [], 10).Single().Match.ShouldBe("exact");
    }

    [Fact]
    public void a_prefix_of_any_word_matches_and_several_words_must_all_match()
    {
        var word = Words.New();
        folder.Add(Docs.Model($"sales_{word}_forecast"), Docs.Model($"{word}_revenue"));

        Suggest(word[..7]).ShouldBe([$"{word}_revenue", $"sales_{word}_forecast"]);
        Suggest($"fore {word[..7]}").ShouldBe([$"sales_{word}_forecast"]);
        Suggest($"sal {word}").ShouldBe([$"sales_{word}_forecast"]);
        Suggest($"{word} nothing").ShouldBeEmpty();
    }

    [Fact]
    public void ties_go_to_the_better_connected_then_the_name()
    {
        var word = Words.New();
        folder.Add(
            Docs.Model($"{word}_b") with { Connectivity = 1 },
            Docs.Model($"{word}_a") with { Connectivity = 1 },
            Docs.Model($"{word}_c") with { Connectivity = 7 },
            Docs.Model($"{word}_d"));

        Suggest(word).ShouldBe([$"{word}_c", $"{word}_a", $"{word}_b", $"{word}_d"]);
    }

    [Fact]
    public void the_best_connected_of_many_matches_are_suggested_across_segments_and_after_their_rank_changes()
    {
        // More matches than the limit, in two segments, so the page is chosen by comparing against its weakest entry.
        var word = Words.New();
        string Name(int i) => $"{word}_{i:D2}";
        var docs = Enumerable.Range(0, 40).Select(i => Docs.Model(Name(i)) with { Connectivity = i * 7 % 20 }).ToArray();
        folder.Add(docs[..20]);
        folder.Add(docs[20..]);

        // i * 7 % 20 is 19 for i = 17 and 37, 18 for 14 and 34, 17 for 11 and 31: ties go to the name.
        Suggest(word, 5).ShouldBe([Name(17), Name(37), Name(14), Name(34), Name(11)]);

        folder.Index.UpdateConnectivity(new Dictionary<string, long> { [docs[3].Urn] = 100 }, folder.Index.AppliedSequence);
        Suggest(word, 3).ShouldBe([Name(3), Name(17), Name(37)]);
    }

    [Fact]
    public void types_keep_only_suggestions_of_those_entity_types()
    {
        var word = Words.New();
        folder.Add(Docs.Model($"{word}_model"), Docs.Dataset($"{word}_table"));

        Suggest(word, 10, "dataset").ShouldBe([$"{word}_table"]);
        Suggest(word, 10, "DATASET", "mlModel").Count.ShouldBe(2);
        Suggest(word, 10, "mlFeature").ShouldBeEmpty();
    }

    [Fact]
    public void the_limit_caps_the_suggestions_across_tiers()
    {
        var word = Words.New();
        folder.Add(Docs.Model(word), Docs.Model($"{word}_a"), Docs.Model($"{word}_b"), Docs.Model($"x_{word}"));

        Suggest(word, 1).ShouldBe([word]);
        Suggest(word, 3).ShouldBe([word, $"{word}_a", $"{word}_b"]);
        Suggest(word, 100).Count.ShouldBe(4);
    }

    [Fact]
    public void soft_deleted_entities_are_not_suggested()
    {
        var word = Words.New();
        folder.Add(Docs.Model($"{word}_live"), Docs.Model($"{word}_gone") with { Removed = true });

        Suggest(word).ShouldBe([$"{word}_live"]);
    }

    [Fact]
    public void blank_text_suggests_nothing()
    {
        Suggest("").ShouldBeEmpty();
        Suggest("   ").ShouldBeEmpty();
    }

    [Fact]
    public void text_longer_than_the_indexed_prefixes_still_matches_only_names_starting_with_it()
    {
        var word = Words.New();
        var stem = word + "_abcdefghijklmnopqrstuvw";
        stem.Length.ShouldBeGreaterThan(SearchAnalyzers.MaxPrefix);
        folder.Add(Docs.Model(stem + "_one"), Docs.Model(stem[..SearchAnalyzers.MaxPrefix] + "zz_other"));

        Suggest(stem + "_o").ShouldBe([stem + "_one"]);
    }

    [Fact]
    public void long_text_finds_the_few_names_starting_with_it_among_many_sharing_its_indexed_prefix()
    {
        // 50 names share their first 30 characters; the 47 better connected ones go on differently from the input.
        var stem = Words.New() + "abcdefghijklmnopqr";
        stem.Length.ShouldBe(30);
        var others = Enumerable.Range(0, 47).Select(i => Docs.Model(stem + "b" + Letter(i / 19) + Letter(i)) with { Connectivity = 100 + i }).ToList();
        var matching = Enumerable.Range(0, 3).Select(i => Docs.Model(stem + "xy" + Letter(i)) with { Connectivity = i }).ToList();
        folder.Add([.. others, .. matching]);

        var suggestions = folder.Autocomplete.Suggest(stem + "xy", [], 10);

        suggestions.Select(s => (s.Name, s.Match)).ShouldBe([(stem + "xyd", "prefix"), (stem + "xyc", "prefix"), (stem + "xyb", "prefix")]);
        Suggest(stem + "xyc").ShouldBe([stem + "xyc"]);
        Suggest(stem + "xyz").ShouldBeEmpty();
    }

    [Fact]
    public void a_word_longer_than_the_indexed_prefixes_must_match_past_them()
    {
        var word = Words.New() + "abcdefghijkl";
        word.Length.ShouldBe(SearchAnalyzers.MaxPrefix);
        folder.Add(Docs.Model($"sales_{word}ghost_forecast"), Docs.Model($"old_{word}real"));

        folder.Autocomplete.Suggest(word + "rea", [], 10).Select(s => (s.Name, s.Match)).ShouldBe([($"old_{word}real", "word")]);
        Suggest(word + "ghost").ShouldBe([$"sales_{word}ghost_forecast"]);
        Suggest($"fore {word}gh").ShouldBe([$"sales_{word}ghost_forecast"]);
        Suggest(word + "x").ShouldBeEmpty();
        Suggest(word + "realx").ShouldBeEmpty();
    }

    private static char Letter(int i) => "bcdfghjklmnpqrtvwxz"[i % 19];

    [Fact]
    public void a_suggestion_carries_the_urn_type_and_platform()
    {
        var word = Words.New();
        var doc = Docs.Dataset($"{word}_table");
        folder.Add(doc);

        var suggestion = folder.Autocomplete.Suggest(word, [], 10).ShouldHaveSingleItem();

        suggestion.Urn.ShouldBe(doc.Urn);
        suggestion.EntityType.ShouldBe("dataset");
        suggestion.Platform.ShouldBe("urn:li:dataPlatform:hive");
    }
}
