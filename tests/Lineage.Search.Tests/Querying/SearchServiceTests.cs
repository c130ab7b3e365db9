using Lineage.Graph.Errors;
using Lineage.Search.Tests.Support;

namespace Lineage.Search.Tests.Querying;

/// <summary>Query syntax and ranking: every word required, name above description, phrases, prefixes, fields, errors.</summary>
public sealed class SearchServiceTests(IndexFolder folder) : IClassFixture<IndexFolder>
{
    [Fact]
    public void a_name_match_ranks_above_a_description_match()
    {
        var word = Words.New();
        // The description match is the better connected and the earlier name: only relevance can put the name first.
        var inDescription = Docs.Model("aaa_forecast", $"Forecasts {word} weekly") with { Connectivity = 50 };
        var inName = Docs.Model($"{word}_forecast", "Forecasts demand weekly");
        folder.Add(inDescription, inName);

        var found = folder.Search.Search(Docs.Query(word));

        found.Urns().ShouldBe([inName.Urn, inDescription.Urn]);
        found.Results[0].MatchedFields.ShouldBe(["name"]);
        found.Results[1].MatchedFields.ShouldBe(["description"]);
        found.Results[0].Score.ShouldBeGreaterThan(found.Results[1].Score);
    }

    [Fact]
    public void every_word_is_required_each_in_the_name_or_the_description()
    {
        var word = Words.New();
        var both = Docs.Model($"{word}_churn", "scores retention");
        var one = Docs.Model($"{word}_churn", "scores revenue");
        folder.Add(both, one);

        folder.Search.Search(Docs.Query($"{word} churn retention")).Urns().ShouldBe([both.Urn]);
        folder.Search.Search(Docs.Query($"{word} churn")).Urns().ShouldBe([both.Urn, one.Urn], ignoreOrder: true);
        folder.Search.Search(Docs.Query($"{word} missing")).Total.ShouldBe(0);
    }

    [Fact]
    public void a_quoted_phrase_needs_its_words_together_and_in_order()
    {
        var word = Words.New();
        var together = Docs.Model($"{word}_a", "predicts customer churn weekly");
        var apart = Docs.Model($"{word}_b", "churn of every customer");
        folder.Add(together, apart);

        folder.Search.Search(Docs.Query($"{word} \"customer churn\"")).Urns().ShouldBe([together.Urn]);
        folder.Search.Search(Docs.Query($"{word} customer churn")).Urns().ShouldBe([together.Urn, apart.Urn], ignoreOrder: true);
    }

    [Fact]
    public void a_quoted_phrase_matches_the_words_of_a_name_however_it_is_spelled()
    {
        var word = Words.New();
        var snake = Docs.Model($"{word}_customer_churn");
        var camel = Docs.Model($"{word}CustomerChurn");
        var reversed = Docs.Model($"{word}_churn_customer");
        folder.Add(snake, camel, reversed);

        folder.Search.Search(Docs.Query($"{word} \"customer churn\"")).Urns().ShouldBe([snake.Urn, camel.Urn], ignoreOrder: true);
    }

    [Fact]
    public void a_trailing_star_matches_words_starting_with_the_text()
    {
        var word = Words.New();
        var name = Docs.Model($"{word}_customer_ltv");
        var description = Docs.Model($"{word}_other", "for every customers list");
        var neither = Docs.Model($"{word}_cutover");
        folder.Add(name, description, neither);

        folder.Search.Search(Docs.Query($"{word} cust*")).Urns().ShouldBe([name.Urn, description.Urn], ignoreOrder: true);
        folder.Search.Search(Docs.Query($"{word[..6]}*")).Urns().ShouldBe([name.Urn, description.Urn, neither.Urn], ignoreOrder: true);
        folder.Search.Search(Docs.Query($"{word.ToUpperInvariant()[..6]}*")).Total.ShouldBe(3);
    }

    [Fact]
    public void tag_colon_short_name_finds_an_entity_tagged_with_the_tag_urn()
    {
        var word = Words.New();
        var tagged = Docs.Model($"{word}_a") with { Tags = ["urn:li:tag:pii", $"urn:li:tag:{word}"] };
        var untagged = Docs.Model($"{word}_b") with { Tags = [$"urn:li:tag:{word}"] };
        folder.Add(tagged, untagged);

        folder.Search.Search(Docs.Query($"{word} tag:pii")).Urns().ShouldBe([tagged.Urn]);
        folder.Search.Search(Docs.Query($"{word} tag:PII")).Urns().ShouldBe([tagged.Urn]);
        folder.Search.Search(Docs.Query($"{word} tag:\"urn:li:tag:pii\"")).Urns().ShouldBe([tagged.Urn]);
        folder.Search.Search(Docs.Query($"tag:{word}")).Urns().ShouldBe([tagged.Urn, untagged.Urn], ignoreOrder: true);
    }

    [Fact]
    public void every_other_field_can_be_named_in_the_query()
    {
        var word = Words.New();
        var doc = Docs.Model($"{word}_model", $"scores {word} leads") with
        {
            Terms = [$"urn:li:glossaryTerm:{word}.Revenue"],
            Domain = $"urn:li:domain:{word}",
            Owners = [$"urn:li:corpuser:{word}"],
            CustomProperties = ["team=Growth", $"run={word}"],
            Deprecated = true,
        };
        var other = Docs.Dataset($"{word}_table") with { Owners = [$"urn:li:corpGroup:{word}"] };
        folder.Add(doc, other);

        string[] Found(string q) => [.. folder.Search.Search(Docs.Query($"{word} {q}")).Urns()];
        Found($"urn:\"{doc.Urn}\"").ShouldBe([doc.Urn]);
        Found("type:mlModel").ShouldBe([doc.Urn]);
        Found("type:dataset").ShouldBe([other.Urn]);
        Found($"name:{word}").ShouldBe([doc.Urn, other.Urn], ignoreOrder: true);
        Found("description:leads").ShouldBe([doc.Urn]);
        Found("platform:mlflow").ShouldBe([doc.Urn]);
        Found("platform:\"urn:li:dataPlatform:hive\"").ShouldBe([other.Urn]);
        Found("origin:prod").ShouldBe([doc.Urn]);
        Found($"term:\"urn:li:glossaryTerm:{word}.Revenue\"").ShouldBe([doc.Urn]);
        Found($"domain:{word}").ShouldBe([doc.Urn]);
        Found($"owner:{word}").ShouldBe([doc.Urn, other.Urn], ignoreOrder: true);
        Found($"owner:\"urn:li:corpGroup:{word}\"").ShouldBe([other.Urn]);
        Found("customProperty:team=growth").ShouldBe([doc.Urn]);
        Found("deprecated:true").ShouldBe([doc.Urn]);
        Found("deprecated:false").ShouldBe([other.Urn]);
    }

    [Fact]
    public void an_unknown_field_is_refused_naming_q_where_it_is_and_the_fields_there_are()
    {
        var e = Should.Throw<ValidationException>(() => folder.Search.Search(Docs.Query("churn colour:red")));

        e.Path.ShouldBe("q");
        e.Reason.ShouldContain("'colour'");
        e.Reason.ShouldContain("position 6");
        e.Reason.ShouldContain("tag");
    }

    [Theory]
    [InlineData("churn AND (model", "column")]
    [InlineData("churn \"model", "column")]
    [InlineData("*churn", "first character")]
    [InlineData("-", "column 1")]
    [InlineData("churn]", "column")]
    public void a_malformed_query_is_refused_naming_q_and_where(string query, string where)
    {
        var e = Should.Throw<ValidationException>(() => folder.Search.Search(Docs.Query(query)));

        e.Path.ShouldBe("q");
        e.Reason.ShouldContain(where);
    }

    [Fact]
    public void a_colon_inside_quotes_or_a_url_is_not_a_field()
    {
        var word = Words.New();
        var doc = Docs.Model($"{word}_model", $"see https://wiki/{word} for ratio:value notes");
        folder.Add(doc);

        folder.Search.Search(Docs.Query($"{word} \"ratio:value\"")).Urns().ShouldBe([doc.Urn]);
        Should.NotThrow(() => folder.Search.Search(Docs.Query($"{word} https://wiki")));
    }

    [Fact]
    public void an_empty_query_or_a_star_matches_everything()
    {
        var word = Words.New();
        var doc = Docs.Model($"{word}_model") with { Tags = [$"urn:li:tag:{word}"] };
        folder.Add(doc);

        foreach (var query in new[] { null, "", "  ", "*" })
            folder.Search.Search(Docs.Query(query) with { Tags = [$"urn:li:tag:{word}"] }).Urns().ShouldBe([doc.Urn]);
    }

    [Fact]
    public void a_query_of_only_punctuation_or_stop_words_finds_nothing_and_does_not_fail()
    {
        // A name keeps its stop words as words; a query made only of them still asks for nothing.
        folder.Add(Docs.Model($"the_{Words.New()}_of_a"));

        foreach (var query in new[] { "the", "_", ".", "a of the", "__" })
            folder.Search.Search(Docs.Query(query)).Total.ShouldBe(0, query);
    }

    [Theory]
    [InlineData("predicts the churn")]
    [InlineData("churn of customers")]
    [InlineData("the churn")]
    [InlineData("THE Churn OF")]
    public void stop_words_of_a_query_are_not_required_of_the_name(string words)
    {
        var word = Words.New();
        var doc = Docs.Model($"{word}_model", "predicts the churn of customers");
        folder.Add(doc);

        folder.Search.Search(Docs.Query($"{word} {words}")).Urns().ShouldBe([doc.Urn]);
        folder.Search.Search(Docs.Query($"{words} {word}")).Urns().ShouldBe([doc.Urn]);
    }

    [Fact]
    public void with_stop_words_ignored_every_real_word_is_still_required()
    {
        var word = Words.New();
        var doc = Docs.Model($"{word}_model", "predicts the churn of customers");
        folder.Add(doc);

        folder.Search.Search(Docs.Query($"{word} the revenue")).Total.ShouldBe(0);
        folder.Search.Search(Docs.Query($"{word} of the missing")).Total.ShouldBe(0);
    }

    [Fact]
    public void a_quoted_phrase_with_a_stop_word_still_matches_the_phrase()
    {
        var word = Words.New();
        var described = Docs.Model($"{word}_a", "predicts the churn of customers");
        var named = Docs.Model($"{word}_the_churn");
        var neither = Docs.Model($"{word}_b", "predicts revenue");
        folder.Add(described, named, neither);

        folder.Search.Search(Docs.Query($"{word} \"the churn\"")).Urns().ShouldBe([described.Urn, named.Urn], ignoreOrder: true);
        folder.Search.Search(Docs.Query($"{word} \"predicts the churn\"")).Urns().ShouldBe([described.Urn]);
        // In a name, where stop words are words, the phrase still needs its stop word.
        folder.Search.Search(Docs.Query($"name:\"{word} the churn\"")).Urns().ShouldBe([named.Urn]);
    }

    [Fact]
    public void a_hit_shows_its_name_type_platform_and_the_description_to_display()
    {
        var word = Words.New();
        var doc = Docs.Model($"{word}_model", "edited text") with { AllDescriptions = ["edited text", "ingested text"] };
        folder.Add(doc);

        var hit = folder.Search.Search(Docs.Query($"{word} ingested")).Results.ShouldHaveSingleItem();

        hit.Urn.ShouldBe(doc.Urn);
        hit.EntityType.ShouldBe("mlModel");
        hit.Name.ShouldBe($"{word}_model");
        hit.Description.ShouldBe("edited text");
        hit.Platform.ShouldBe(Docs.Mlflow);
    }

    [Fact]
    public void a_long_description_is_shown_as_a_snippet_around_the_first_matching_word()
    {
        var word = Words.New();
        var description = string.Concat(Enumerable.Repeat("filler words go here ", 30)) + $"the {word} appears late " +
                          string.Concat(Enumerable.Repeat("more filler ", 30));
        var doc = Docs.Model("snippet_model", description);
        folder.Add(doc);

        var hit = folder.Search.Search(Docs.Query(word)).Results.ShouldHaveSingleItem();

        hit.Description.ShouldNotBeNull();
        hit.Description.ShouldContain(word);
        hit.Description.Length.ShouldBeLessThanOrEqualTo(202);
        hit.Description.ShouldStartWith("…");
    }
}
