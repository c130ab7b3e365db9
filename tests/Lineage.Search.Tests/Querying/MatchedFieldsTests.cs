using Lineage.Search.Tests.Support;

namespace Lineage.Search.Tests.Querying;

/// <summary>A hit's matched fields: the searchable fields its document matched the query in, as <c>field:value</c> names them.</summary>
public sealed class MatchedFieldsTests(IndexFolder folder) : IClassFixture<IndexFolder>
{
    private IReadOnlyList<string> Matched(string query) =>
        folder.Search.Search(Docs.Query(query)).Results.ShouldHaveSingleItem().MatchedFields;

    [Fact]
    public void an_ingested_description_behind_an_edited_one_is_a_description_match()
    {
        var (word, ingested) = (Words.New(), Words.New());
        folder.Add(Docs.Model($"{word}_model", "edited text") with { AllDescriptions = ["edited text", $"ingested {ingested} text"] });

        Matched(ingested).ShouldBe(["description"]);
        Matched($"{word} {ingested}").ShouldBe(["name", "description"]);
        Matched($"{word} edited").ShouldBe(["name", "description"]);
    }

    [Fact]
    public void field_value_clauses_name_their_fields()
    {
        var word = Words.New();
        var doc = Docs.Model($"{word}_model", $"scores {word} leads") with
        {
            Tags = ["urn:li:tag:pii"],
            Terms = [$"urn:li:glossaryTerm:{word}.Revenue"],
            Domain = $"urn:li:domain:{word}",
            Owners = [$"urn:li:corpuser:{word}"],
            CustomProperties = [$"run={word}"],
            Deprecated = true,
        };
        folder.Add(doc);

        Matched($"name:{word} tag:pii").ShouldBe(["name", "tag"]);
        Matched($"description:{word} type:mlModel platform:mlflow origin:prod").ShouldBe(["description", "type", "platform", "origin"]);
        Matched($"owner:{word}").ShouldBe(["owner"]);
        Matched($"domain:{word} deprecated:true").ShouldBe(["domain", "deprecated"]);
        Matched($"term:\"urn:li:glossaryTerm:{word}.Revenue\"").ShouldBe(["term"]);
        Matched($"customProperty:run={word}").ShouldBe(["customProperty"]);
        Matched($"urn:\"{doc.Urn}\"").ShouldBe(["urn"]);
    }

    [Fact]
    public void only_the_fields_the_hit_matched_count_not_every_field_the_query_names()
    {
        var word = Words.New();
        var pii = Docs.Model($"{word}_a", "scores leads") with { Tags = ["urn:li:tag:pii"] };
        var gold = Docs.Model($"{word}_b", $"mentions {word}") with { Tags = ["urn:li:tag:gold"] };
        folder.Add(pii, gold);

        var found = folder.Search.Search(Docs.Query($"{word} (tag:pii OR tag:gold) -owner:nobody"));

        found.Results.Single(h => h.Urn == pii.Urn).MatchedFields.ShouldBe(["name", "tag"]);
        found.Results.Single(h => h.Urn == gold.Urn).MatchedFields.ShouldBe(["name", "description", "tag"]);
    }

    [Fact]
    public void prefixes_and_phrases_count_in_the_fields_they_matched()
    {
        var word = Words.New();
        folder.Add(Docs.Model($"{word}_model", "predicts customer churn"));

        Matched($"{word[..8]}*").ShouldBe(["name"]);
        Matched($"{word} custom*").ShouldBe(["name", "description"]);
        Matched($"{word} \"customer churn\"").ShouldBe(["name", "description"]);
    }

    [Fact]
    public void an_empty_query_matches_no_field_in_particular()
    {
        var word = Words.New();
        folder.Add(Docs.Model($"{word}_model") with { Tags = [$"urn:li:tag:{word}"] });

        folder.Search.Search(Docs.Query(null) with { Tags = [$"urn:li:tag:{word}"] }).Results.ShouldHaveSingleItem().MatchedFields.ShouldBeEmpty();
    }
}
